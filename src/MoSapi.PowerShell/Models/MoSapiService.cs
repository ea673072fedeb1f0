using System;

namespace MoSapi
{
    /// <summary>A monitored service. Binds 'dns', 'DNS', 'Dns' alike.</summary>
    public enum MoSapiService
    {
        Dns,
        Dnssec,
        Rdds,
        Rdap,
        Epp,
    }

    /// <summary>The two spellings of a service: lower case in URLs, upper case as JSON keys.</summary>
    public static class MoSapiServiceNames
    {
        public static readonly MoSapiService[] RegistryServices =
            { MoSapiService.Dns, MoSapiService.Dnssec, MoSapiService.Rdds, MoSapiService.Rdap, MoSapiService.Epp };

        public static readonly MoSapiService[] RegistrarServices = { MoSapiService.Rdds, MoSapiService.Rdap };

        public static string ToUrlSegment(this MoSapiService service) => service switch
        {
            MoSapiService.Dns => "dns",
            MoSapiService.Dnssec => "dnssec",
            MoSapiService.Rdds => "rdds",
            MoSapiService.Rdap => "rdap",
            MoSapiService.Epp => "epp",
            _ => throw new ArgumentOutOfRangeException(nameof(service)),
        };

        public static bool TryParse(string? name, out MoSapiService service)
        {
            switch ((name ?? string.Empty).Trim().ToUpperInvariant())
            {
                case "DNS": service = MoSapiService.Dns; return true;
                case "DNSSEC": service = MoSapiService.Dnssec; return true;
                case "RDDS": service = MoSapiService.Rdds; return true;
                case "RDAP": service = MoSapiService.Rdap; return true;
                case "EPP": service = MoSapiService.Epp; return true;
                default: service = default; return false;
            }
        }
    }
}
