using System.Net;

namespace MoSapi.Simulator.Scenario;

public enum EntityKind { Registry, Registrar }

/// <summary>How one service of one entity is set up; replaced wholesale by scripted changes.</summary>
public sealed record ServiceSetup(Service Service, string Status, IReadOnlyList<Incident> Incidents, double? ThresholdOverride = null);

/// <summary>A TLD or a registrar of the scenario.</summary>
public sealed class Entity
{
    public required EntityKind Kind { get; init; }
    /// <summary>TLD (A-label) or IANA registrar id as it appears in URLs.</summary>
    public required string Id { get; init; }
    public required string Account { get; init; }
    /// <summary>Position used to derive addresses, so every entity gets distinct but stable IPs.</summary>
    public required int Index { get; init; }
    public required IReadOnlyDictionary<Service, ServiceSetup> Services { get; init; }
    public bool Maintenance { get; init; }
    public bool Metrica { get; init; } = true;
    public bool Bulk { get; init; }
    public IReadOnlyList<IPNetwork> AllowList { get; init; } = LoopbackOnly;

    public static readonly IReadOnlyList<IPNetwork> LoopbackOnly =
        [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")];

    public string Key => (Kind == EntityKind.Registry ? "ry/" : "rr/") + Id;
    public string BasePath => "/" + Key;
    public int? RegistrarId => Kind == EntityKind.Registrar ? int.Parse(Id, System.Globalization.CultureInfo.InvariantCulture) : null;
    public bool IsMonitored(Service s) => Services.ContainsKey(s);
}
