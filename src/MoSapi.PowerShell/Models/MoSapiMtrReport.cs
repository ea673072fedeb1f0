using System;
using System.Collections.Generic;

namespace MoSapi
{
    /// <summary>One mtr run of one probe towards one target address, with its hops.</summary>
    public sealed class MoSapiMtrReport
    {
        public string? Tld { get; internal set; }

        public int? RegistrarId { get; internal set; }

        public string Probe { get; internal set; } = string.Empty;

        /// <summary>The target address in its canonical text form (IPv6 compressed, lower case).</summary>
        public string TargetIp { get; internal set; } = string.Empty;

        public DateTimeOffset CycleTime { get; internal set; }

        public DateTimeOffset RunTime { get; internal set; }

        /// <summary>report.mtr.src: the probe host as mtr names it.</summary>
        public string? Source { get; internal set; }

        /// <summary>report.mtr.dst: the target as mtr was given it.</summary>
        public string? Destination { get; internal set; }

        /// <summary>Pings per hop (report.mtr.tests).</summary>
        public int? Tests { get; internal set; }

        public string FileName { get; internal set; } = string.Empty;

        public IReadOnlyList<MoSapiMtrHop> Hops { get; internal set; } = new List<MoSapiMtrHop>();

        /// <summary>Where -OutputPath saved the decompressed JSON; null when it was not saved.</summary>
        public string? OutputFile { get; internal set; }

        public override string ToString() => FileName;
    }
}
