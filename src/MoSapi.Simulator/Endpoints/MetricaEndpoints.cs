using System.Globalization;
using System.Text.Json;
using MoSapi.Simulator.Http;
using MoSapi.Simulator.Scenario;

namespace MoSapi.Simulator.Endpoints;

/// <summary>Domain METRICA reports (spec 6): gzip on request and Last-Modified set to the report's generation time.</summary>
public sealed class MetricaEndpoints(MetricaData metrica)
{
    public SimResponse Latest(Entity e)
    {
        var latest = metrica.LatestAvailable();
        return latest is { } d ? Report(e, d) : SimResponse.NotFound("No METRICA report exists.");
    }

    public SimResponse OfDate(Entity e, string text)
    {
        if (!DateRangeValidation.TryDate(text, out var date)) return DateRangeValidation.BadStart(text, "date (YYYY-MM-DD)");
        return metrica.Exists(date) ? Report(e, date) : SimResponse.NotFound($"No METRICA report for {date:yyyy-MM-dd}.");
    }

    public SimResponse List(Entity e, IQueryCollection query)
    {
        var startText = query.TryGetValue("startDate", out var sv) ? sv.ToString() : null;
        var endText = query.TryGetValue("endDate", out var ev) ? ev.ToString() : null;
        DateOnly start = default, end = default;
        if (startText is not null && !DateRangeValidation.TryDate(startText, out start))
            return DateRangeValidation.BadStart(startText, "date (YYYY-MM-DD)");
        if (endText is not null && !DateRangeValidation.TryDate(endText, out end))
            return DateRangeValidation.BadEnd(endText, "date (YYYY-MM-DD)");
        if (endText is null) end = startText is null ? metrica.Latest : Min(start.AddDays(DateRangeValidation.MaxDays - 1), metrica.Latest);
        if (startText is null) start = end.AddDays(-(DateRangeValidation.MaxDays - 1));
        if (end < start) return DateRangeValidation.EndBeforeStart();
        if (end.DayNumber - start.DayNumber > DateRangeValidation.MaxDays) return DateRangeValidation.TooLong();

        var dates = metrica.Dates(start, end).ToList();
        var body = JsonOutput.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("version", 2);
            WriteEntity(w, e);
            w.WriteStartArray("domainLists");
            foreach (var d in dates)
            {
                w.WriteStartObject();
                w.WriteString("domainListDate", Day(d));
                w.WriteString("domainListGenerationDate", Rfc3339(MetricaData.GeneratedAt(e, d)));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
        return new SimResponse
        {
            Body = body,
            Compressible = true,
            LastModified = dates.Count > 0 ? MetricaData.GeneratedAt(e, dates[0]) : null,
        };
    }

    private SimResponse Report(Entity e, DateOnly date)
    {
        var report = metrica.Report(e, date);
        var body = JsonOutput.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("version", 2);
            WriteEntity(w, e);
            w.WriteString("domainListDate", Day(report.Date));
            w.WriteNumber("uniqueAbuseDomains", report.UniqueAbuseDomains);
            w.WriteStartArray("domainListData");
            foreach (var t in report.Threats)
            {
                w.WriteStartObject();
                w.WriteString("threatType", t.ThreatType);
                w.WriteNumber("count", t.Count);
                w.WriteStrings("domains", t.Domains);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
        return new SimResponse { Body = body, Compressible = true, LastModified = report.Generated };
    }

    private static void WriteEntity(Utf8JsonWriter w, Entity e)
    {
        if (e.RegistrarId is { } id) w.WriteNumber("ianaId", id);
        else w.WriteString("tld", e.Id);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string Rfc3339(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
