using System;
using System.Globalization;

namespace MoSapi
{
    /// <summary>One METRICA report the service holds; pipes into Get-MoSapiDaarReport by Date and Tld/RegistrarId.</summary>
    public sealed class MoSapiDaarListEntry
    {
        public string? Tld { get; internal set; }

        public int? RegistrarId { get; internal set; }

        /// <summary>The day the report covers (UTC, time 00:00).</summary>
        public DateTime Date { get; internal set; }

        /// <summary>When the report was generated (domainListGenerationDate); null when not sent.</summary>
        public DateTimeOffset? GenerationDate { get; internal set; }

        public override string ToString() =>
            $"{Tld ?? RegistrarId?.ToString(CultureInfo.InvariantCulture)} {Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
    }
}
