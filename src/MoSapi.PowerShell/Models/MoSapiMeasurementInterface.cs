using System.Collections.Generic;

namespace MoSapi
{
    /// <summary>One tested interface of a measurement (DNS, DNSSEC, RDDS43, RDDS80, RDAP, EPP).</summary>
    public sealed class MoSapiMeasurementInterface
    {
        public string Interface { get; internal set; } = string.Empty;

        public IReadOnlyList<MoSapiMeasurementProbe> Probes { get; internal set; } = new List<MoSapiMeasurementProbe>();

        public override string ToString() => Interface;
    }
}
