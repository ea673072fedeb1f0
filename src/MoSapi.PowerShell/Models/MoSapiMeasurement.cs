using System;
using System.Collections.Generic;

namespace MoSapi
{
    /// <summary>
    /// One measurement cycle of one service (spec section 5): the nested document as MoSAPI sends it, plus
    /// <see cref="Results"/>, one flat row per probe × target × IP for Where-Object, Sort-Object and Export-Csv.
    /// </summary>
    public sealed class MoSapiMeasurement
    {
        public string? Tld { get; internal set; }

        public int? RegistrarId { get; internal set; }

        public MoSapiService Service { get; internal set; }

        public string MeasurementId { get; internal set; } = string.Empty;

        /// <summary>The incident the measurement was read through; null for recent measurements.</summary>
        public string? IncidentId { get; internal set; }

        /// <summary>Start of the cycle (cycleCalculationDateTime).</summary>
        public DateTimeOffset CycleTime { get; internal set; }

        /// <summary>Up, Down or one of the Up-inconclusive-* words.</summary>
        public string Status { get; internal set; } = string.Empty;

        /// <summary>1 or 2; v1 documents lack MinNameServersUp, NameServers, TestedName, Transport and Nsid.</summary>
        public int Version { get; internal set; }

        public DateTimeOffset? LastUpdated { get; internal set; }

        /// <summary>DNS and DNSSEC, v2 only.</summary>
        public int? MinNameServersUp { get; internal set; }

        /// <summary>The verdict per name server across all probes (DNS and DNSSEC, v2 only).</summary>
        public IReadOnlyList<MoSapiNameServerStatus> NameServers { get; internal set; } = new List<MoSapiNameServerStatus>();

        /// <summary>The verdict per name server as each probe saw it (DNS and DNSSEC, v2 only).</summary>
        public IReadOnlyList<MoSapiNameServerStatus> NameServerProbes { get; internal set; } = new List<MoSapiNameServerStatus>();

        public IReadOnlyList<MoSapiMeasurementInterface> Interfaces { get; internal set; } = new List<MoSapiMeasurementInterface>();

        /// <summary>One row per probe × target × IP; probes without test data (Offline, No result) get one row each.</summary>
        public IReadOnlyList<MoSapiProbeResult> Results { get; internal set; } = new List<MoSapiProbeResult>();

        public override string ToString() => $"{Service} {MeasurementId} {Status}";
    }
}
