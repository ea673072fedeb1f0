using System.Globalization;
using System.Net;
using System.Text.Json;
using MoSapi.Simulator.Auth;
using MoSapi.Simulator.Faults;
using MoSapi.Simulator.Http;
using MoSapi.Simulator.Scenario;
using MoSapi.Simulator.Stats;

namespace MoSapi.Simulator.Control;

/// <summary>The simulator's own control API under /_sim/ (not part of MoSAPI): faults, stats, clock, scripted state.</summary>
public sealed class ControlEndpoints(
    FaultInjector faults,
    RequestStats stats,
    ScenarioClock clock,
    LiveState live,
    ScenarioData data,
    LoginRateLimiter loginLimiter)
{
    public async Task HandleAsync(HttpContext ctx, string path)
    {
        var remote = ctx.Connection.RemoteIpAddress;
        if (remote is null || !IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote))
        {
            await ResponseWriter.WriteAsync(ctx, SimResponse.Text(403, "The control API answers loopback clients only."));
            return;
        }
        var method = ctx.Request.Method;
        var response = (method, path.TrimEnd('/')) switch
        {
            ("GET", "/_sim/health") => SimResponse.Text(200, "ok"),
            ("GET", "/_sim/faults") => ListFaults(),
            ("POST", "/_sim/faults") => AddFault(await ReadBodyAsync(ctx)),
            ("DELETE", "/_sim/faults") => ClearFaults(),
            ("GET", "/_sim/stats") => SimResponse.Json(stats.ToJson()),
            ("POST", "/_sim/stats/reset") => ResetStats(),
            ("GET", "/_sim/clock") => Clock(clock.Now),
            ("POST", "/_sim/clock/advance") => Advance(ctx.Request.Query["seconds"].ToString()),
            ("POST", "/_sim/state") => ChangeState(await ReadBodyAsync(ctx)),
            ("DELETE", "/_sim/state") => ResetState(),
            _ => SimResponse.NotFound("Unknown control endpoint. See the simulator README."),
        };
        await ResponseWriter.WriteAsync(ctx, response);
    }

    private static async Task<string> ReadBodyAsync(HttpContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.Body);
        return await reader.ReadToEndAsync(ctx.RequestAborted);
    }

    private SimResponse AddFault(string body)
    {
        Fault fault;
        try
        {
            fault = FaultSpecParser.ParseJson(body);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return Problem(ex.Message);
        }
        var id = faults.TryApplyImmediately(fault, data) ? 0 : faults.Add(fault);
        return SimResponse.Json(JsonOutput.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("id", id);
            if (id == 0) w.WriteBoolean("applied", true);
            w.WriteEndObject();
        }));
    }

    private SimResponse ListFaults() => SimResponse.Json(JsonOutput.Write(w =>
    {
        w.WriteStartArray();
        foreach (var f in faults.Snapshot())
        {
            w.WriteStartObject();
            w.WriteNumber("id", f.Id);
            w.WriteString("kind", f.Kind);
            if (f.Path is not null) w.WriteString("path", f.Path);
            if (f.Entity is not null) w.WriteString("entity", f.Entity);
            w.WriteNumber("status", f.Status);
            w.WriteNumber("count", f.Count);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }));

    private SimResponse ClearFaults()
    {
        faults.Clear();
        return SimResponse.Text(200, "ok");
    }

    private SimResponse ResetStats()
    {
        stats.Reset();
        loginLimiter.Reset();
        return SimResponse.Text(200, "ok");
    }

    private SimResponse Advance(string seconds)
    {
        if (!long.TryParse(seconds, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            return Problem("Query parameter 'seconds' must be an integer.");
        if (Math.Abs(n) > 10L * 366 * 86400) return Problem("Advance by at most ten years at a time.");
        return Clock(clock.Advance(n));
    }

    private static SimResponse Clock(long now) => SimResponse.Json(JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("now", now);
        w.WriteEndObject();
    }));

    private SimResponse ChangeState(string body)
    {
        StateChange change;
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Problem("The state change must be a JSON object.");
            string? Str(string name) => root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            bool Flag(string name) => root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.True;
            double? threshold = root.TryGetProperty("emergencyThreshold", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetDouble() : null;
            string? fpId = null;
            bool? fpValue = null;
            if (root.TryGetProperty("falsePositive", out var fp) && fp.ValueKind == JsonValueKind.Object)
            {
                fpId = fp.TryGetProperty("incidentId", out var idp) ? idp.GetString() : null;
                fpValue = fp.TryGetProperty("value", out var vp) && vp.ValueKind is JsonValueKind.True or JsonValueKind.False ? vp.GetBoolean() : null;
                if (fpId is null) return Problem("falsePositive.incidentId is required.");
            }
            change = new StateChange(Str("entity") ?? "", Str("service"), Str("status"), threshold,
                Flag("openIncident"), Flag("resolveIncident"), fpId, fpValue);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return Problem("Invalid JSON: " + ex.Message);
        }
        var error = live.Apply(change);
        return error is null ? SimResponse.Text(200, "ok") : Problem(error);
    }

    private SimResponse ResetState()
    {
        live.Reset();
        return SimResponse.Text(200, "ok");
    }

    private static SimResponse Problem(string message) => new()
    {
        Status = 400,
        Body = JsonOutput.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("error", message);
            w.WriteEndObject();
        }),
    };
}
