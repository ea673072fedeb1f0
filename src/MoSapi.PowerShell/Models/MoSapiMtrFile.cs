using System;

namespace MoSapi
{
    /// <summary>One mtr report file of the archive, described by its name (Get-MoSapiMtrReport -ListOnly).</summary>
    public sealed class MoSapiMtrFile
    {
        public string? Tld { get; internal set; }

        public int? RegistrarId { get; internal set; }

        /// <summary>The archive day the file is listed under (UTC, time 00:00).</summary>
        public DateTime Date { get; internal set; }

        public string FileName { get; internal set; } = string.Empty;

        public string Probe { get; internal set; } = string.Empty;

        /// <summary>The target address in its canonical text form (IPv6 compressed, lower case).</summary>
        public string TargetIp { get; internal set; } = string.Empty;

        /// <summary>Start of the monitoring cycle the run belongs to.</summary>
        public DateTimeOffset CycleTime { get; internal set; }

        /// <summary>When the probe ran mtr.</summary>
        public DateTimeOffset RunTime { get; internal set; }

        public override string ToString() => FileName;
    }
}
