using System.Text;

namespace MoSapi.Simulator.Scenario;

/// <summary>Stable seeds: string.GetHashCode is randomised per process, FNV-1a is not.</summary>
public static class Seeds
{
    public static Random For(params object[] parts)
    {
        var text = string.Join('|', parts.Select(p => Convert.ToString(p, System.Globalization.CultureInfo.InvariantCulture)));
        uint hash = 2166136261;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 16777619;
        }
        return new Random((int)(hash & 0x7FFFFFFF));
    }
}
