using System.Collections.Generic;

namespace MoSapi
{
    /// <summary>A name server host, whois host or RDAP base URL as tested by one probe.</summary>
    public sealed class MoSapiMeasurementTarget
    {
        public string Target { get; internal set; } = string.Empty;

        /// <summary>Up, Down or No result.</summary>
        public string Status { get; internal set; } = string.Empty;

        public IReadOnlyList<MoSapiMeasurementMetric> Metrics { get; internal set; } = new List<MoSapiMeasurementMetric>();

        public override string ToString() => $"{Target}: {Status}";
    }
}
