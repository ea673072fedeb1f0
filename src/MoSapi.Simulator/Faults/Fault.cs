namespace MoSapi.Simulator.Faults;

public static class FaultKinds
{
    public const string Latency = "latency";
    public const string Status = "status";
    public const string Html = "html";
    public const string Truncate = "truncate";
    public const string InvalidJson = "invalidJson";
    public const string Drop = "drop";
    public const string ExpireSession = "expireSession";
    public const string EvictSession = "evictSession";

    public static readonly string[] All = [Latency, Status, Html, Truncate, InvalidJson, Drop, ExpireSession, EvictSession];

    /// <summary>Kinds that alter a successful response after the handler built it.</summary>
    public static bool MangleResponse(string kind) => kind is Truncate or InvalidJson or Drop;
}

/// <summary>One injected fault. Count is the number of uses left; -1 means it never wears out.</summary>
public sealed class Fault
{
    public int Id { get; set; }
    public string? Path { get; init; }
    public string? Entity { get; init; }
    public required string Kind { get; init; }
    public int Status { get; init; }
    public int Count { get; set; } = 1;
    public string? RetryAfter { get; init; }
    public string? Body { get; init; }
    public int Ms { get; init; }
}
