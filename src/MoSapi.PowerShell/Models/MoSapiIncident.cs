using System;

namespace MoSapi
{
    /// <summary>An SLA incident of one service of one entity.</summary>
    public sealed class MoSapiIncident
    {
        public string? Tld { get; internal set; }

        public int? RegistrarId { get; internal set; }

        public MoSapiService Service { get; internal set; }

        /// <summary>"&lt;startEpoch&gt;.&lt;eventId&gt;".</summary>
        public string IncidentId { get; internal set; } = string.Empty;

        public DateTimeOffset StartTime { get; internal set; }

        /// <summary>Null while the incident is active.</summary>
        public DateTimeOffset? EndTime { get; internal set; }

        public bool FalsePositive { get; internal set; }

        /// <summary>Active or Resolved.</summary>
        public string State { get; internal set; } = string.Empty;

        public override string ToString() => $"{Tld ?? RegistrarId?.ToString(System.Globalization.CultureInfo.InvariantCulture)} {Service} {IncidentId} {State}";
    }
}
