using System.Diagnostics;
using System.Globalization;
using MoSapi.Simulator.Auth;
using MoSapi.Simulator.Control;
using MoSapi.Simulator.Endpoints;
using MoSapi.Simulator.Faults;
using MoSapi.Simulator.Options;
using MoSapi.Simulator.Scenario;
using MoSapi.Simulator.Stats;

namespace MoSapi.Simulator.Http;

/// <summary>
/// The order MoSAPI applies its checks in: entity exists (404), source IP allowed (403), session or login,
/// then authentication (401), the per-certificate concurrency limit (429), and finally the data.
/// </summary>
public sealed class RequestPipeline(
    SimulatorOptions options,
    ScenarioData data,
    AccessControl access,
    FaultInjector faults,
    RequestStats stats,
    SessionEndpoints session,
    RouteTable routes,
    ControlEndpoints control)
{
    public async Task HandleAsync(HttpContext ctx)
    {
        var watch = Stopwatch.StartNew();
        var path = ctx.Request.Path.Value ?? "/";
        var note = "";
        try
        {
            if (path == "/_sim" || path.StartsWith("/_sim/", StringComparison.Ordinal))
            {
                await control.HandleAsync(ctx, path);
                return;
            }
            if (!ctx.Request.IsHttps)
            {
                await ResponseWriter.WriteAsync(ctx, SimResponse.Text(404, "MoSAPI is served over HTTPS only; this port is the simulator's control API (/_sim/)."));
                return;
            }
            stats.CountRequest(path);
            note = await HandleMoSapiAsync(ctx, path);
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            note = "client went away";
        }
        finally
        {
            if (options.LogRequests)
            {
                var status = ctx.Response.HasStarted || ctx.Response.StatusCode != 0 ? ctx.Response.StatusCode : 0;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{DateTime.UtcNow:HH:mm:ss.fff} {ctx.Request.Method} {path}{ctx.Request.QueryString} {status} {watch.ElapsedMilliseconds}ms {note}").TrimEnd());
            }
        }
    }

    private static Task DelayAsync(int ms, HttpContext ctx) => ms > 0 ? Task.Delay(ms, ctx.RequestAborted) : Task.CompletedTask;

    private async Task<string> HandleMoSapiAsync(HttpContext ctx, string path)
    {
        var seg = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (seg.Length < 2 || seg[0] is not ("ry" or "rr"))
        {
            await ResponseWriter.WriteAsync(ctx, SimResponse.NotFound());
            return "";
        }
        var entity = data.Find(seg[0], seg[1]);
        if (entity is null)
        {
            await ResponseWriter.WriteAsync(ctx, SimResponse.NotFound(seg[0] == "ry" ? "Unknown TLD." : "Unknown registrar."));
            return "";
        }
        var remote = ctx.Connection.RemoteIpAddress;
        if (!AccessControl.IsAllowed(entity, remote))
        {
            await ResponseWriter.WriteAsync(ctx, SimResponse.Text(403,
                $"Forbidden: the source IP address {remote} is not allowed for {entity.Key}. Add it to the allow-list in the Naming Services portal."));
            return "ip not allowed";
        }

        var rest = seg[2..];
        var isLogin = rest is ["login"];
        var pre = faults.Before(path, entity, isLogin);
        if (pre.Replacement is not null)
        {
            await DelayAsync(pre.DelayMs, ctx);
            await ResponseWriter.WriteAsync(ctx, pre.Replacement);
            return "fault";
        }

        if (!HttpMethods.IsGet(ctx.Request.Method) && !HttpMethods.IsHead(ctx.Request.Method))
        {
            await ResponseWriter.WriteAsync(ctx, SimResponse.Text(405, "Method Not Allowed: MoSAPI is read-only.").WithHeader("Allow", "GET"));
            return "";
        }
        if (isLogin)
        {
            await DelayAsync(pre.DelayMs, ctx);
            await ResponseWriter.WriteAsync(ctx, session.Login(ctx, entity));
            return "login";
        }
        if (rest is ["logout"])
        {
            await ResponseWriter.WriteAsync(ctx, session.Logout(ctx, entity));
            return "logout";
        }
        var version = rest.Length > 0 ? rest[0] switch { "v1" => 1, "v2" => 2, _ => 0 } : 0;
        if (version == 0 || rest is [_, "login" or "logout"])
        {
            await ResponseWriter.WriteAsync(ctx, SimResponse.NotFound());
            return "";
        }

        var auth = access.Authenticate(ctx, entity);
        if (!auth.Authenticated)
        {
            await ResponseWriter.WriteAsync(ctx, SimResponse.Unauthorized());
            return "not authenticated";
        }

        var thumbprint = auth.Certificate?.Thumbprint;
        if (thumbprint is not null && !stats.TryEnter(thumbprint, options.MaxInFlightPerCert))
        {
            await ResponseWriter.WriteAsync(ctx, SimResponse.Text(429, "Too many concurrent requests for this certificate.")
                .WithHeader("Retry-After", "1"));
            return "in-flight limit";
        }
        try
        {
            await DelayAsync(options.LatencyMs + pre.DelayMs, ctx);
            var response = routes.Route(entity, version, rest[1..], ctx.Request.Query);
            var mangle = response.Status == 200 ? faults.TakeMangle(path, entity) : null;
            await ResponseWriter.WriteAsync(ctx, response, mangle);
            return mangle is null ? "" : "fault " + mangle.Kind;
        }
        finally
        {
            if (thumbprint is not null) stats.Exit(thumbprint);
        }
    }
}
