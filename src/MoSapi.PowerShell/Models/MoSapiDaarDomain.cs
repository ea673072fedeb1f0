using System;
using System.Globalization;

namespace MoSapi
{
    /// <summary>One listed domain of a METRICA report: a flat row for Export-Csv.</summary>
    public sealed class MoSapiDaarDomain
    {
        public string? Tld { get; internal set; }

        public int? RegistrarId { get; internal set; }

        public DateTime Date { get; internal set; }

        public string ThreatType { get; internal set; } = string.Empty;

        public string Domain { get; internal set; } = string.Empty;

        public override string ToString() =>
            $"{Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {ThreatType} {Domain}";
    }
}
