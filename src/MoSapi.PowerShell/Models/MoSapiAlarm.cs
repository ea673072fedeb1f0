using System;
using System.Globalization;

namespace MoSapi
{
    /// <summary>The alarm status of one service (GET /v2/monitoring/{service}/alarmed).</summary>
    public sealed class MoSapiAlarm
    {
        public string? Tld { get; internal set; }

        public int? RegistrarId { get; internal set; }

        public MoSapiService Service { get; internal set; }

        /// <summary>Yes, No or Disabled (Disabled also when MoSAPI answers 404: the service is not monitored).</summary>
        public string Alarmed { get; internal set; } = string.Empty;

        /// <summary>When MoSAPI last refreshed from the monitoring database; null when the service is not monitored.</summary>
        public DateTimeOffset? LastUpdated { get; internal set; }

        public override string ToString() => $"{Tld ?? RegistrarId?.ToString(CultureInfo.InvariantCulture)} {Service}: {Alarmed}";
    }
}
