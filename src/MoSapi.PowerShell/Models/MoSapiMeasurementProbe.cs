using System.Collections.Generic;

namespace MoSapi
{
    /// <summary>What one probe measured on one interface.</summary>
    public sealed class MoSapiMeasurementProbe
    {
        /// <summary>The probe's city.</summary>
        public string Probe { get; internal set; } = string.Empty;

        /// <summary>Up, Down, Offline or No result.</summary>
        public string Status { get; internal set; } = string.Empty;

        /// <summary>v2 DNS/DNSSEC only; may be null.</summary>
        public string? TestedName { get; internal set; }

        /// <summary>udp or tcp (v2 DNS/DNSSEC only).</summary>
        public string? Transport { get; internal set; }

        public IReadOnlyList<MoSapiMeasurementTarget> Targets { get; internal set; } = new List<MoSapiMeasurementTarget>();

        public override string ToString() => $"{Probe}: {Status}";
    }
}
