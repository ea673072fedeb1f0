using System.Globalization;

namespace MoSapi.Simulator.Scenario;

/// <summary>A monitored host with one IPv4 and one IPv6 address (documentation prefixes only).</summary>
public sealed record Target(string Host, string IPv4, string IPv6);

/// <summary>Stable addresses per entity: example gets .53 / ::53, outage .54 / ::54, and so on.</summary>
public static class Addresses
{
    private static readonly string[] V4Prefixes = ["192.0.2.", "198.51.100.", "203.0.113."];

    public static IReadOnlyList<Target> NameServers(Entity e, int count = 3)
    {
        var list = new Target[count];
        for (var k = 0; k < count; k++)
            list[k] = new Target($"ns{k + 1}.nic.{e.Id}", V4Prefixes[k % 3] + V4Host(e, k / 3), V6(e, k));
        return list;
    }

    public static Target Whois(Entity e) => e.Kind == EntityKind.Registry
        ? new Target($"whois.nic.{e.Id}", "198.51.100." + V4Host(e, 1), $"2001:db8:43::{HexHost(e)}")
        : new Target($"whois.registrar{e.Id}.example", "198.51.100." + V4Host(e, 1), $"2001:db8:43::{HexHost(e)}");

    /// <summary>RDAP targets are base URLs, not host names (spec 5).</summary>
    public static Target Rdap(Entity e) => e.Kind == EntityKind.Registry
        ? new Target($"https://rdap.nic.{e.Id}/", "203.0.113." + V4Host(e, 2), $"2001:db8:443::{HexHost(e)}")
        : new Target($"https://rdap.registrar{e.Id}.example/", "203.0.113." + V4Host(e, 2), $"2001:db8:443::{HexHost(e)}");

    public static Target Epp(Entity e) =>
        new($"epp.nic.{e.Id}", "192.0.2." + V4Host(e, 3), $"2001:db8:700::{HexHost(e)}");

    private static string V4Host(Entity e, int shift) =>
        (1 + (52 + e.Index + shift * 61) % 254).ToString(CultureInfo.InvariantCulture);

    private static string HexHost(Entity e) => (0x53 + e.Index).ToString("x", CultureInfo.InvariantCulture);

    private static string V6(Entity e, int k) => k == 0 ? $"2001:db8::{HexHost(e)}" : $"2001:db8:{k:x}::{HexHost(e)}";
}
