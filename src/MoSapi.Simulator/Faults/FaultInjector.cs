using MoSapi.Simulator.Auth;
using MoSapi.Simulator.Http;
using MoSapi.Simulator.Scenario;

namespace MoSapi.Simulator.Faults;

public sealed record PreResponseFaults(SimResponse? Replacement, int DelayMs);

/// <summary>
/// Holds the active faults and applies them. Latency, status/html bursts and session faults act before
/// authentication (as a proxy or the session layer would); truncate, invalidJson and drop act on a finished
/// 200 response.
/// </summary>
public sealed class FaultInjector(SessionStore sessions)
{
    private readonly List<Fault> _faults = new();
    private readonly Lock _gate = new();
    private int _nextId;

    public int Add(Fault fault)
    {
        lock (_gate)
        {
            fault.Id = ++_nextId;
            _faults.Add(fault);
            return fault.Id;
        }
    }

    public void Clear()
    {
        lock (_gate) _faults.Clear();
    }

    public IReadOnlyList<Fault> Snapshot()
    {
        lock (_gate) return _faults.ToList();
    }

    /// <summary>
    /// Takes the matching pre-response faults. Session faults act at once; latency is returned so the caller can
    /// spend it inside the per-certificate in-flight window, where it exercises client concurrency limits.
    /// </summary>
    public PreResponseFaults Before(string path, Entity entity, bool isLogin)
    {
        var taken = new List<Fault>();
        lock (_gate)
        {
            foreach (var f in _faults)
            {
                if (FaultKinds.MangleResponse(f.Kind) || !Matches(f, path, entity)) continue;
                // A session fault fired by a login would be undone by that login: wait for a data request.
                if (isLogin && f.Kind is FaultKinds.ExpireSession or FaultKinds.EvictSession) continue;
                taken.Add(f);
                if (f.Kind is FaultKinds.Status or FaultKinds.Html) break;
            }
            foreach (var f in taken) Consume(f);
        }

        var delay = 0;
        SimResponse? replacement = null;
        foreach (var f in taken)
        {
            switch (f.Kind)
            {
                case FaultKinds.Latency:
                    delay += f.Ms;
                    break;
                case FaultKinds.ExpireSession:
                    sessions.Expire(entity.Account);
                    break;
                case FaultKinds.EvictSession:
                    sessions.Evict(entity.Account);
                    break;
                case FaultKinds.Status:
                    replacement = WithRetryAfter(SimResponse.Text(f.Status, f.Body ?? StatusText(f.Status)), f);
                    break;
                case FaultKinds.Html:
                    replacement = WithRetryAfter(Html(f.Status, f.Body), f);
                    break;
            }
        }
        return new PreResponseFaults(replacement, delay);
    }

    /// <summary>Takes one use of the first matching response-mangling fault, if any.</summary>
    public Fault? TakeMangle(string path, Entity entity)
    {
        lock (_gate)
        {
            var f = _faults.FirstOrDefault(x => FaultKinds.MangleResponse(x.Kind) && Matches(x, path, entity));
            if (f is not null) Consume(f);
            return f;
        }
    }

    /// <summary>Applies a session fault that names only an entity at once instead of waiting for a request.</summary>
    public bool TryApplyImmediately(Fault f, ScenarioData data)
    {
        if (f.Kind is not (FaultKinds.ExpireSession or FaultKinds.EvictSession) || f.Path is not null || f.Entity is null) return false;
        var entity = data.FindByKey(f.Entity);
        if (entity is null) return false;
        if (f.Kind == FaultKinds.ExpireSession) sessions.Expire(entity.Account);
        else sessions.Evict(entity.Account);
        return true;
    }

    private static bool Matches(Fault f, string path, Entity entity) =>
        (f.Path is null || path.StartsWith(f.Path, StringComparison.OrdinalIgnoreCase)) &&
        (f.Entity is null || string.Equals(f.Entity, entity.Key, StringComparison.OrdinalIgnoreCase));

    private void Consume(Fault f)
    {
        if (f.Count < 0) return;
        f.Count--;
        if (f.Count <= 0) _faults.Remove(f);
    }

    private static SimResponse WithRetryAfter(SimResponse r, Fault f) =>
        f.RetryAfter is null ? r : r.WithHeader("Retry-After", f.RetryAfter);

    private static string StatusText(int status) =>
        $"{status} {Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status)}".TrimEnd();

    private static SimResponse Html(int status, string? body)
    {
        var title = StatusText(status);
        var html = body ?? $"""
            <html>
            <head><title>{title}</title></head>
            <body>
            <center><h1>{title}</h1></center>
            <hr><center>nginx</center>
            </body>
            </html>
            """;
        return new SimResponse
        {
            Status = status,
            ContentType = "text/html; charset=utf-8",
            Body = System.Text.Encoding.UTF8.GetBytes(html),
        };
    }
}
