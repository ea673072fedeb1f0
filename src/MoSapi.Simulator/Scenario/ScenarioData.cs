using System.Globalization;
using System.Net;

namespace MoSapi.Simulator.Scenario;

/// <summary>
/// Every entity, account, incident and certificate mapping of the scenario, derived only from the clock anchor.
/// SCENARIO.md documents these facts; keep the two in step.
/// </summary>
public sealed class ScenarioData
{
    private readonly Dictionary<string, Entity> _byKey = new(StringComparer.Ordinal);

    public ScenarioData(long anchor, int bulkTlds)
    {
        Anchor = anchor;
        AnchorDay = ScenarioClock.DayStart(anchor);
        var index = 0;
        Add(Example(index++));
        Add(Outage(index++));
        Add(Maint(index++));
        Add(Denied(index++));
        Add(Plain("nometrica", index++, metrica: false));
        Add(Plain("bigdoc", index++, metrica: true));
        // Registrars before the bulk TLDs so that their addresses do not depend on --bulk-tlds.
        Add(Registrar9999(index++));
        Add(Registrar1234(index++));
        for (var i = 1; i <= bulkTlds; i++)
            Add(Plain("tld" + i.ToString("000", CultureInfo.InvariantCulture), index++, metrica: true, bulk: true));
    }

    public long Anchor { get; }
    public long AnchorDay { get; }
    public IEnumerable<Entity> Entities => _byKey.Values;

    /// <summary>Cycle whose DNS measurement of TLD bigdoc is the multi-megabyte benchmark document.</summary>
    public long BigDocumentCycle => Anchor - Anchor % 60 - 60;

    public Entity? Find(string kind, string id) => _byKey.GetValueOrDefault(kind + "/" + id);
    public Entity? FindByKey(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>Client certificates are mapped to what they may read by Subject CN: the one table of the scenario.</summary>
    public static bool CertificateMayRead(string commonName, Entity entity) => commonName switch
    {
        "MoSapi Test RSP" => entity.Kind == EntityKind.Registry && entity.Id != "denied",
        "MoSapi Test EC" => entity.Key is "ry/example" or "ry/outage",
        "MoSapi Test Registrar" => entity.Key == "rr/9999",
        _ => false,
    };

    private void Add(Entity e) => _byKey.Add(e.Key, e);

    /// <summary>Start time given as days before the anchor's day plus a time of day, so tables read like a log.</summary>
    private long At(int daysAgo, string hhmm)
    {
        var t = TimeSpan.ParseExact(hhmm, "hh\\:mm", CultureInfo.InvariantCulture);
        return AnchorDay - daysAgo * 86400L + (long)t.TotalSeconds;
    }

    private Incident Resolved(Service s, int daysAgo, string hhmm, int minutes, int eventId, bool fp = false, long? fpUpdate = null)
    {
        var start = At(daysAgo, hhmm);
        var end = start + minutes * 60L;
        return new Incident(s, start, end, eventId, fp, fp ? fpUpdate ?? end + 5400 : fpUpdate);
    }

    private static ServiceSetup Setup(Service s, string status, params Incident[] incidents) =>
        new(s, status, incidents.OrderByDescending(i => i.StartTime).ToArray());

    private static Dictionary<Service, ServiceSetup> AllUp() =>
        Services.All.ToDictionary(s => s, s => Setup(s, "Up"));

    private Entity Example(int index)
    {
        var services = AllUp();
        services[Service.Dns] = Setup(Service.Dns, "Up", Resolved(Service.Dns, 20, "14:03", 9, 1101));
        services[Service.Rdds] = Setup(Service.Rdds, "Up", Resolved(Service.Rdds, 45, "03:30", 15, 1102));
        services[Service.Rdap] = Setup(Service.Rdap, "Up", Resolved(Service.Rdap, 33, "22:10", 10, 1103, fp: true));
        return new Entity { Kind = EntityKind.Registry, Id = "example", Account = "example_ry", Index = index, Services = services };
    }

    private Entity Outage(int index)
    {
        var dns = Service.Dns;
        var activeStart = Anchor - Anchor % 60 - 720;
        var dnsIncidents = new[]
        {
            Resolved(dns, 58, "03:14", 7, 7701),
            Resolved(dns, 53, "22:41", 15, 7702),
            Resolved(dns, 47, "09:05", 4, 7703, fp: true),
            Resolved(dns, 41, "14:30", 22, 7704),
            Resolved(dns, 36, "01:12", 9, 7705),
            Resolved(dns, 33, "18:47", 6, 7706, fp: true),
            Resolved(dns, 27, "07:20", 31, 7707),
            Resolved(dns, 22, "12:02", 5, 7708),
            Resolved(dns, 16, "20:55", 11, 7709, fp: true),
            // Flagged and later unflagged by ICANN: false, yet updateTime is set.
            Resolved(dns, 11, "04:38", 8, 7710, fp: false, fpUpdate: At(10, "09:00")),
            Resolved(dns, 9, "16:16", 13, 7711),
            Resolved(dns, 3, "08:24", 18, 7712),
            Resolved(dns, 1, "19:10", 6, 7713, fp: true),
            new Incident(dns, activeStart, null, 7731, false, null),
        };
        var rdap = Service.Rdap;
        var rdapIncidents = new[]
        {
            Resolved(rdap, 59, "10:05", 25, 8801),
            Resolved(rdap, 52, "02:40", 10, 8802, fp: true),
            Resolved(rdap, 45, "17:15", 35, 8803),
            Resolved(rdap, 38, "06:50", 15, 8804),
            Resolved(rdap, 31, "21:25", 20, 8805, fp: true),
            Resolved(rdap, 24, "13:00", 45, 8806),
            Resolved(rdap, 18, "04:35", 10, 8807),
            Resolved(rdap, 12, "15:10", 30, 8808, fp: true),
            Resolved(rdap, 8, "23:45", 15, 8809),
            Resolved(rdap, 5, "09:20", 20, 8810),
            Resolved(rdap, 2, "11:55", 30, 8811, fp: true, fpUpdate: At(1, "08:30")),
        };
        var services = new Dictionary<Service, ServiceSetup>
        {
            [Service.Dns] = Setup(dns, "Down", dnsIncidents),
            [Service.Dnssec] = Setup(Service.Dnssec, "Up", Resolved(Service.Dnssec, 26, "13:37", 5, 6601)),
            [Service.Rdds] = Setup(Service.Rdds, "Up",
                Resolved(Service.Rdds, 40, "02:10", 15, 5501),
                Resolved(Service.Rdds, 4, "06:00", 360, 5502)),
            [Service.Rdap] = Setup(rdap, "Up", rdapIncidents),
        };
        return new Entity { Kind = EntityKind.Registry, Id = "outage", Account = "outage_ry", Index = index, Services = services };
    }

    private static Entity Maint(int index) => new()
    {
        Kind = EntityKind.Registry, Id = "maint", Account = "maint_ry", Index = index, Maintenance = true,
        Services = new[] { Service.Dns, Service.Dnssec, Service.Rdds, Service.Rdap }.ToDictionary(s => s, s => Setup(s, "Disabled")),
    };

    private static Entity Denied(int index) => new()
    {
        Kind = EntityKind.Registry, Id = "denied", Account = "denied_ry", Index = index, Services = AllUp(),
        AllowList = [IPNetwork.Parse("192.0.2.0/24")],
    };

    private static Entity Plain(string tld, int index, bool metrica, bool bulk = false) => new()
    {
        Kind = EntityKind.Registry, Id = tld, Account = tld + "_ry", Index = index, Services = AllUp(),
        Metrica = metrica, Bulk = bulk,
    };

    private Entity Registrar9999(int index)
    {
        var activeStart = Anchor - Anchor % 300 - 1500;
        return new Entity
        {
            Kind = EntityKind.Registrar, Id = "9999", Account = "rr9999", Index = index,
            Services = new Dictionary<Service, ServiceSetup>
            {
                [Service.Rdds] = Setup(Service.Rdds, "Up", Resolved(Service.Rdds, 15, "08:20", 10, 3301)),
                [Service.Rdap] = Setup(Service.Rdap, "Down",
                    Resolved(Service.Rdap, 30, "11:00", 15, 3302),
                    new Incident(Service.Rdap, activeStart, null, 3303, false, null)),
            },
        };
    }

    private static Entity Registrar1234(int index) => new()
    {
        Kind = EntityKind.Registrar, Id = "1234", Account = "rr1234", Index = index,
        Services = new Dictionary<Service, ServiceSetup>
        {
            [Service.Rdds] = Setup(Service.Rdds, "Up"),
            [Service.Rdap] = Setup(Service.Rdap, "Up"),
        },
    };
}
