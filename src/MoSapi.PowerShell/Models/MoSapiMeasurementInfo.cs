using System;

namespace MoSapi
{
    /// <summary>
    /// One entry of a measurement list: of an incident, or of the recent-measurements tree (then IncidentId is null).
    /// Pipes back into Get-MoSapiMeasurement by property name.
    /// </summary>
    public sealed class MoSapiMeasurementInfo
    {
        public string? Tld { get; internal set; }

        public int? RegistrarId { get; internal set; }

        public MoSapiService Service { get; internal set; }

        public string? IncidentId { get; internal set; }

        public string MeasurementId { get; internal set; } = string.Empty;

        /// <summary>Start of the measured cycle; null when neither the list nor the id says.</summary>
        public DateTimeOffset? CycleTime { get; internal set; }

        public override string ToString() => MeasurementId;
    }
}
