using MoSapi.Simulator.Http;
using MoSapi.Simulator.Scenario;

namespace MoSapi.Simulator.Endpoints;

/// <summary>
/// Every versioned path of the spec, matched on path segments after /{ry|rr}/{id}/{v1|v2}. One place to
/// correct when the official documentation differs.
/// </summary>
public sealed class RouteTable(MonitoringEndpoints monitoring, MeasurementEndpoints measurements, MetricaEndpoints metrica, MtrEndpoints mtr)
{
    public SimResponse Route(Entity e, int version, string[] seg, IQueryCollection query)
    {
        if (seg.Length == 0) return SimResponse.NotFound();
        switch (seg[0])
        {
            case "monitoring":
                if (seg is [_, "state"]) return monitoring.State(e, version);
                if (seg.Length < 3 || !Services.TryParseUrl(seg[1], out var service) || !monitoring.Serves(e, service, version))
                    return SimResponse.NotFound("The service is not monitored for this TLD or registrar.");
                return seg[2..] switch
                {
                    ["alarmed"] => monitoring.Alarmed(e, service, version),
                    ["downtime"] => monitoring.Downtime(e, service, version),
                    ["incidents"] => monitoring.Incidents(e, service, version, query),
                    ["incidents", var id, "state"] => monitoring.IncidentState(e, service, version, id),
                    ["incidents", var id, "falsePositive"] => monitoring.FalsePositive(e, service, version, id),
                    ["incidents", var id, "measurements"] => measurements.IncidentMeasurements(e, service, version, id),
                    ["incidents", var id, var measurementId] => measurements.IncidentMeasurement(e, service, version, id, measurementId),
                    ["measurements", .. var tree] when tree.Length <= 4 => measurements.Recent(e, service, version, tree),
                    _ => SimResponse.NotFound(),
                };
            case "metrica" when version == 2:
                if (!e.Metrica) return SimResponse.NotFound("Domain METRICA is not enabled for this TLD or registrar.");
                return seg[1..] switch
                {
                    ["domainList", "latest"] => metrica.Latest(e),
                    ["domainList", var date] => metrica.OfDate(e, date),
                    ["domainLists"] => metrica.List(e, query),
                    _ => SimResponse.NotFound(),
                };
            case "networkTroubleshooting" when version == 2:
                return seg[1..] switch
                {
                    ["mtr", .. var tree] when tree.Length <= 4 => mtr.Tree(tree),
                    _ => SimResponse.NotFound(),
                };
            default:
                return SimResponse.NotFound();
        }
    }
}
