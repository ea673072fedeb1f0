using System.Globalization;

namespace MoSapi.Simulator.Scenario;

public sealed record ThreatList(string ThreatType, int Count, IReadOnlyList<string> Domains);

public sealed record MetricaReport(DateOnly Date, DateTimeOffset Generated, int UniqueAbuseDomains, IReadOnlyList<ThreatList> Threats);

/// <summary>
/// Domain METRICA history: one report a day for the 60 days before the anchor's day, minus a few missing days,
/// generated from a seed of (entity, date) so counts and lists never change between runs.
/// </summary>
public sealed class MetricaData(ScenarioData data)
{
    public const int HistoryDays = 60;

    /// <summary>Days before the anchor day that have no report (the pipeline "failed" those days).</summary>
    public static readonly int[] MissingDaysAgo = [6, 19, 33, 34, 52];

    private static readonly string[] Phishing = ["bank-login", "secure-pay", "account-verify", "signin-update", "wallet-restore", "parcel-fee", "tax-refund", "id-confirm"];
    private static readonly string[] Malware = ["dl", "update-service", "cdn-files", "free-codec", "driver-fix", "docs-viewer"];
    private static readonly string[] Botnet = ["c2-panel", "gate", "sync-node", "relay"];
    private static readonly string[] Spam = ["cheap-meds", "win-prize", "best-loans", "hot-deals", "crypto-gain", "diet-now"];

    public DateOnly Latest => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(data.AnchorDay).UtcDateTime).AddDays(-1);
    public DateOnly Oldest => Latest.AddDays(-(HistoryDays - 1));

    public bool Exists(DateOnly date)
    {
        if (date > Latest || date < Oldest) return false;
        var daysAgo = Latest.DayNumber - date.DayNumber + 1;
        return !MissingDaysAgo.Contains(daysAgo);
    }

    /// <summary>Available report dates in [from, to], newest first.</summary>
    public IEnumerable<DateOnly> Dates(DateOnly from, DateOnly to)
    {
        for (var d = to < Latest ? to : Latest; d >= from && d >= Oldest; d = d.AddDays(-1))
            if (Exists(d)) yield return d;
    }

    public DateOnly? LatestAvailable() => Dates(Oldest, Latest).Cast<DateOnly?>().FirstOrDefault();

    public static DateTimeOffset GeneratedAt(Entity e, DateOnly date)
    {
        var rng = Seeds.For("metrica-generated", e.Key, date.DayNumber);
        var midnight = new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return midnight.AddSeconds(600 + rng.Next(2400));
    }

    public MetricaReport Report(Entity e, DateOnly date)
    {
        var rng = Seeds.For("metrica", e.Key, date.DayNumber);
        var registrar = e.Kind == EntityKind.Registrar;
        var threats = new List<ThreatList>
        {
            Threat("phishing", rng.Next(0, 40), Phishing, e, rng),
            Threat("malware", rng.Next(0, 15), Malware, e, rng),
            Threat("botnetCc", rng.Next(0, 4), Botnet, e, rng),
            // Registrars are not measured for spam: -1 means "not monitored" (spec 6).
            registrar ? new ThreatList("spam", -1, []) : Threat("spam", rng.Next(0, 60), Spam, e, rng),
        };
        var total = threats.Sum(t => Math.Max(0, t.Count));
        var overlap = total == 0 ? 0 : rng.Next(0, Math.Min(3, total) + 1);
        return new MetricaReport(date, GeneratedAt(e, date), total - overlap, threats);
    }

    private static ThreatList Threat(string type, int count, string[] words, Entity e, Random rng)
    {
        // Lists are capped and trimmed, so clients see domain lists shorter than the count.
        var listed = count <= 3 ? count : Math.Min(count - 1 - rng.Next(2), 12);
        var domains = new List<string>(listed);
        for (var i = 0; i < listed; i++)
        {
            var word = words[(i + rng.Next(words.Length)) % words.Length];
            var suffix = e.Kind == EntityKind.Registry ? e.Id : (i % 2 == 0 ? "example" : "test");
            domains.Add($"{word}-{(i + 1).ToString(CultureInfo.InvariantCulture)}{Tag(rng)}.{suffix}");
        }
        return new ThreatList(type, count, domains);
    }

    private static string Tag(Random rng) => rng.Next(3) == 0 ? "" : rng.Next(100, 999).ToString(CultureInfo.InvariantCulture);
}
