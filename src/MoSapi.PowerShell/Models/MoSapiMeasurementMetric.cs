using System;

namespace MoSapi
{
    /// <summary>One test of one target IP.</summary>
    public sealed class MoSapiMeasurementMetric
    {
        public DateTimeOffset? TestTime { get; internal set; }

        /// <summary>May be null (e.g. the name could not be resolved).</summary>
        public string? TargetIp { get; internal set; }

        /// <summary>Milliseconds; null unless Result is "ok".</summary>
        public int? Rtt { get; internal set; }

        /// <summary>"ok", "no data", or a negative code such as "-200".</summary>
        public string Result { get; internal set; } = string.Empty;

        /// <summary>The numeric code when Result is one; null for "ok" and "no data".</summary>
        public int? ResultCode { get; internal set; }

        /// <summary>v2 DNS/DNSSEC only, hex as sent.</summary>
        public string? Nsid { get; internal set; }

        /// <summary>
        /// The meaning of ResultCode, looked up once per metric when the document is read (it depends on the service and
        /// interface, which the document may name after the metric); the flat rows show it as ResultDescription.
        /// </summary>
        internal string? Description { get; set; }

        public override string ToString() => $"{TargetIp} {Result}";
    }
}
