using System;
using System.Globalization;

namespace MoSapi
{
    /// <summary>Minutes of downtime of one service in the rolling week (GET /v2/monitoring/{service}/downtime).</summary>
    public sealed class MoSapiDowntime
    {
        public string? Tld { get; internal set; }

        public int? RegistrarId { get; internal set; }

        public MoSapiService Service { get; internal set; }

        /// <summary>Null when the service is not monitored.</summary>
        public int? DowntimeMinutes { get; internal set; }

        /// <summary>Monitored, or Disabled when MoSAPI answers 404 (the service is not monitored).</summary>
        public string Status { get; internal set; } = string.Empty;

        public bool Disabled => Status == "Disabled";

        public DateTimeOffset? LastUpdated { get; internal set; }

        public override string ToString() =>
            $"{Tld ?? RegistrarId?.ToString(CultureInfo.InvariantCulture)} {Service}: {(Disabled ? "Disabled" : DowntimeMinutes?.ToString(CultureInfo.InvariantCulture) + " min")}";
    }
}
