namespace MoSapi
{
    /// <summary>Whether a name server was up, overall (Probe null) or as one probe saw it.</summary>
    public sealed class MoSapiNameServerStatus
    {
        public string? Probe { get; internal set; }

        public string Target { get; internal set; } = string.Empty;

        public string Status { get; internal set; } = string.Empty;

        public override string ToString() => Probe == null ? $"{Target}: {Status}" : $"{Probe} {Target}: {Status}";
    }
}
