using System;

namespace MoSapi
{
    /// <summary>The false-positive flag of one incident, as set by ICANN.</summary>
    public sealed class MoSapiFalsePositive
    {
        public string? Tld { get; internal set; }

        public int? RegistrarId { get; internal set; }

        public MoSapiService Service { get; internal set; }

        public string IncidentId { get; internal set; } = string.Empty;

        public bool FalsePositive { get; internal set; }

        /// <summary>When the flag last changed; null if it never did.</summary>
        public DateTimeOffset? UpdateTime { get; internal set; }

        public DateTimeOffset? LastUpdated { get; internal set; }

        public override string ToString() => $"{IncidentId}: {FalsePositive}";
    }
}
