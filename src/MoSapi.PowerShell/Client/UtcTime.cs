using System;

namespace MoSapi.Client
{
    /// <summary>
    /// The one rule for times users type: MoSAPI speaks UTC only, so a DateTime without a kind (what
    /// [datetime]'2026-11-26 10:00' gives) is UTC, and a local time is a moment converted to UTC. A runbook then gives
    /// the same answer on every host, whatever its time zone.
    /// </summary>
    internal static class UtcTime
    {
        public static DateTime From(DateTime value) => value.Kind switch
        {
            DateTimeKind.Local => value.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
            _ => value,
        };
    }
}
