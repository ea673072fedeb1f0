using System.Globalization;
using System.Text.Json;

namespace MoSapi.Simulator.Faults;

/// <summary>Reads a fault from "k=v;k=v" (command line) or from the JSON body of POST /_sim/faults.</summary>
public static class FaultSpecParser
{
    public static Fault ParseSpec(string spec)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in spec.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0) throw new FormatException($"Fault setting '{pair}' is not k=v.");
            values[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
        }
        return Build(values);
    }

    public static Fault ParseJson(string json)
    {
        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new FormatException("The fault must be a JSON object.");
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            values[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString()!,
                JsonValueKind.Null => "",
                _ => p.Value.GetRawText(),
            };
        }
        return Build(values);
    }

    private static Fault Build(Dictionary<string, string> v)
    {
        foreach (var key in v.Keys)
        {
            if (key.ToLowerInvariant() is not ("path" or "entity" or "kind" or "status" or "count" or "retryafter" or "body" or "ms"))
                throw new FormatException($"Unknown fault setting '{key}'.");
        }
        var kindText = v.GetValueOrDefault("kind") ?? throw new FormatException("Fault 'kind' is required.");
        var kind = FaultKinds.All.FirstOrDefault(k => k.Equals(kindText, StringComparison.OrdinalIgnoreCase))
                   ?? throw new FormatException($"Unknown fault kind '{kindText}'. Kinds: {string.Join(", ", FaultKinds.All)}.");
        var path = Empty(v.GetValueOrDefault("path"));
        if (path is not null && !path.StartsWith('/')) throw new FormatException("Fault 'path' must start with '/'.");
        var entity = Empty(v.GetValueOrDefault("entity"));
        if (entity is not null && !(entity.StartsWith("ry/", StringComparison.Ordinal) || entity.StartsWith("rr/", StringComparison.Ordinal)))
            throw new FormatException("Fault 'entity' must look like ry/<tld> or rr/<ianaId>.");

        var status = Int(v, "status", kind == FaultKinds.Html ? 502 : 503);
        if (status is < 100 or > 599) throw new FormatException("Fault 'status' must be an HTTP status code.");
        var count = Int(v, "count", 1);
        if (count == 0 || count < -1) throw new FormatException("Fault 'count' must be positive or -1 (forever).");
        var ms = Int(v, "ms", kind == FaultKinds.Latency ? 1000 : 0);
        if (ms < 0) throw new FormatException("Fault 'ms' must not be negative.");

        return new Fault
        {
            Path = path,
            Entity = entity,
            Kind = kind,
            Status = status,
            Count = count,
            RetryAfter = Empty(v.GetValueOrDefault("retryAfter")),
            Body = v.GetValueOrDefault("body"),
            Ms = ms,
        };
    }

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static int Int(Dictionary<string, string> v, string key, int fallback)
    {
        var text = Empty(v.GetValueOrDefault(key));
        if (text is null) return fallback;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            throw new FormatException($"Fault '{key}' must be an integer, got '{text}'.");
        return n;
    }
}
