using System;

namespace MoSapi
{
    /// <summary>A flat row of a measurement: one probe × target × IP, ready for Where-Object and Export-Csv.</summary>
    public sealed class MoSapiProbeResult
    {
        public string? Tld { get; internal set; }

        public int? RegistrarId { get; internal set; }

        public MoSapiService Service { get; internal set; }

        public string MeasurementId { get; internal set; } = string.Empty;

        public DateTimeOffset CycleTime { get; internal set; }

        public string Interface { get; internal set; } = string.Empty;

        public string Probe { get; internal set; } = string.Empty;

        public string ProbeStatus { get; internal set; } = string.Empty;

        public string? Transport { get; internal set; }

        public string? TestedName { get; internal set; }

        /// <summary>Null for probes without test data (Offline, No result).</summary>
        public string? Target { get; internal set; }

        public string? TargetStatus { get; internal set; }

        public string? TargetIp { get; internal set; }

        public DateTimeOffset? TestTime { get; internal set; }

        public int? Rtt { get; internal set; }

        public string? Result { get; internal set; }

        public int? ResultCode { get; internal set; }

        /// <summary>The meaning of ResultCode for this service and interface; null for "ok" and unknown codes.</summary>
        public string? ResultDescription { get; internal set; }

        public string? Nsid { get; internal set; }

        public override string ToString() => $"{Probe} {Target} {TargetIp} {Result}";
    }
}
