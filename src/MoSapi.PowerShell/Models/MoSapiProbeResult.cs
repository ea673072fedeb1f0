using System;

namespace MoSapi
{
    /// <summary>A flat row of a measurement: one probe × target × IP, ready for Where-Object and Export-Csv.</summary>
    /// <remarks>
    /// A large document has tens of thousands of rows, so a row holds references into the nested tree it was cut from
    /// rather than copies of every value: the rows then cost little more than the list that holds them.
    /// </remarks>
    public sealed class MoSapiProbeResult
    {
        private readonly MoSapiMeasurement _measurement;
        private readonly MoSapiMeasurementInterface _interface;
        private readonly MoSapiMeasurementProbe _probe;
        private readonly MoSapiMeasurementTarget? _target;
        private readonly MoSapiMeasurementMetric? _metric;

        internal MoSapiProbeResult(MoSapiMeasurement measurement, MoSapiMeasurementInterface @interface, MoSapiMeasurementProbe probe, MoSapiMeasurementTarget? target, MoSapiMeasurementMetric? metric)
        {
            _measurement = measurement;
            _interface = @interface;
            _probe = probe;
            _target = target;
            _metric = metric;
        }

        public string? Tld => _measurement.Tld;

        public int? RegistrarId => _measurement.RegistrarId;

        public MoSapiService Service => _measurement.Service;

        public string MeasurementId => _measurement.MeasurementId;

        public DateTimeOffset CycleTime => _measurement.CycleTime;

        public string Interface => _interface.Interface;

        public string Probe => _probe.Probe;

        public string ProbeStatus => _probe.Status;

        public string? Transport => _probe.Transport;

        public string? TestedName => _probe.TestedName;

        /// <summary>Null for probes without test data (Offline, No result).</summary>
        public string? Target => _target?.Target;

        public string? TargetStatus => _target?.Status;

        public string? TargetIp => _metric?.TargetIp;

        public DateTimeOffset? TestTime => _metric?.TestTime;

        public int? Rtt => _metric?.Rtt;

        public string? Result => _metric?.Result;

        public int? ResultCode => _metric?.ResultCode;

        /// <summary>The meaning of ResultCode for this service and interface; null for "ok" and unknown codes.</summary>
        public string? ResultDescription => _metric?.Description;

        public string? Nsid => _metric?.Nsid;

        public override string ToString() => $"{Probe} {Target} {TargetIp} {Result}";
    }
}
