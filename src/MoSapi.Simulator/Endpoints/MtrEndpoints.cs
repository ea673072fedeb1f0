using System.Globalization;
using MoSapi.Simulator.Http;
using MoSapi.Simulator.Scenario;

namespace MoSapi.Simulator.Endpoints;

/// <summary>The mtr archive (spec 7): year/month/day listings, then gzip files served as content.</summary>
public sealed class MtrEndpoints(MtrArchive archive, ScenarioClock clock)
{
    public SimResponse Tree(string[] tree)
    {
        var days = archive.Days().Select(d => (Start: d, Date: DateTimeOffset.FromUnixTimeSeconds(d).UtcDateTime)).ToArray();
        if (tree.Length == 0) return Listing("years", days.Select(d => d.Date.ToString("yyyy", CultureInfo.InvariantCulture)).Distinct());
        var inYear = days.Where(d => d.Date.ToString("yyyy", CultureInfo.InvariantCulture) == tree[0]).ToArray();
        if (inYear.Length == 0) return SimResponse.NotFound("No mtr reports for that year.");
        if (tree.Length == 1) return Listing("months", inYear.Select(d => d.Date.ToString("MM", CultureInfo.InvariantCulture)).Distinct());
        var inMonth = inYear.Where(d => d.Date.ToString("MM", CultureInfo.InvariantCulture) == tree[1]).ToArray();
        if (inMonth.Length == 0) return SimResponse.NotFound("No mtr reports for that month.");
        if (tree.Length == 2) return Listing("days", inMonth.Select(d => d.Date.ToString("dd", CultureInfo.InvariantCulture)));
        var day = inMonth.Where(d => d.Date.ToString("dd", CultureInfo.InvariantCulture) == tree[2]).ToArray();
        if (day.Length == 0) return SimResponse.NotFound("No mtr reports for that day.");
        if (tree.Length == 3) return Listing("reports", archive.ReportsOf(day[0].Start).Select(r => r.FileName));

        var bytes = archive.File(day[0].Start, tree[3]);
        return bytes is null
            ? SimResponse.NotFound("No such mtr report.")
            : new SimResponse { ContentType = "application/gzip", Body = bytes };
    }

    private SimResponse Listing(string name, IEnumerable<string> values) => SimResponse.Json(JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("version", 2);
        w.WriteNumber("lastUpdateApiDatabase", clock.LastUpdate);
        w.WriteStrings(name, values);
        w.WriteEndObject();
    }));
}
