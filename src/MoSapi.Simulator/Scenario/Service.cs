namespace MoSapi.Simulator.Scenario;

public enum Service { Dns, Dnssec, Rdds, Rdap, Epp }

public static class Services
{
    public static readonly Service[] All = [Service.Dns, Service.Dnssec, Service.Rdds, Service.Rdap, Service.Epp];

    public static string UrlName(this Service s) => s switch
    {
        Service.Dns => "dns",
        Service.Dnssec => "dnssec",
        Service.Rdds => "rdds",
        Service.Rdap => "rdap",
        _ => "epp",
    };

    public static string JsonName(this Service s) => s.UrlName().ToUpperInvariant();

    /// <summary>Spec 5.2: DNS and DNSSEC every minute, the rest every five minutes.</summary>
    public static int CycleSeconds(this Service s) => s is Service.Dns or Service.Dnssec ? 60 : 300;

    /// <summary>Downtime that consumes 100 % of the Emergency Threshold in a rolling week (spec 4.1).</summary>
    public static int ThresholdMinutes(this Service s) => s is Service.Dns or Service.Dnssec ? 240 : 1440;

    /// <summary>URLs carry services in lower case only (spec 1).</summary>
    public static bool TryParseUrl(string text, out Service service)
    {
        foreach (var s in All)
        {
            if (string.Equals(s.UrlName(), text, StringComparison.Ordinal))
            {
                service = s;
                return true;
            }
        }
        service = default;
        return false;
    }

    public static bool TryParseJson(string text, out Service service)
    {
        foreach (var s in All)
        {
            if (string.Equals(s.JsonName(), text, StringComparison.OrdinalIgnoreCase))
            {
                service = s;
                return true;
            }
        }
        service = default;
        return false;
    }
}
