namespace MoSapi.Simulator.Scenario;

/// <summary>A probe node of the monitoring network; Code names the site as anycast NSIDs often do.</summary>
public sealed record Probe(string City, string Code);

public static class Probes
{
    public static readonly IReadOnlyList<Probe> Network =
    [
        new("Amsterdam", "ams"), new("Nairobi", "nbo"), new("São Paulo", "gru"), new("Tokyo", "nrt"),
        new("Sydney", "syd"), new("Frankfurt", "fra"), new("Singapore", "sin"), new("Johannesburg", "jnb"),
        new("Los Angeles", "lax"), new("Toronto", "yyz"), new("Mumbai", "bom"), new("Stockholm", "arn"),
        new("Santiago", "scl"), new("Moscow", "svo"), new("Dubai", "dxb"), new("Paris", "cdg"),
        new("Madrid", "mad"), new("Seoul", "icn"), new("Auckland", "akl"), new("Chicago", "ord"),
        new("Lagos", "los"), new("Buenos Aires", "eze"), new("Miami", "mia"), new("Hong Kong", "hkg"),
    ];

    /// <summary>Always offline: appears with status Offline and an empty testData.</summary>
    public const string OfflineCity = "Lagos";

    /// <summary>Always without a result: status "No result", metrics "no data" with a null targetIP.</summary>
    public const string NoResultCity = "Moscow";

    /// <summary>Reports an internal probe error (-1) on one metric in good cycles; the target still counts as Up.</summary>
    public const string InternalErrorCity = "Dubai";

    /// <summary>The bigdoc benchmark document repeats the network with numbered probes.</summary>
    public static IReadOnlyList<Probe> Numbered(int count) =>
        Enumerable.Range(0, count)
            .Select(i => Network[i % Network.Count] with { City = $"{Network[i % Network.Count].City} {i / Network.Count + 1:000}" })
            .ToArray();
}
