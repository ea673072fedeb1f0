using System;
using System.Collections.Generic;
using System.Globalization;

namespace MoSapi
{
    /// <summary>The monitoring state of a TLD or registrar (GET /v2/monitoring/state).</summary>
    public sealed class MoSapiState
    {
        public string? Tld { get; internal set; }

        public int? RegistrarId { get; internal set; }

        /// <summary>Up, Down, or Up-inconclusive (monitoring itself in maintenance).</summary>
        public string Status { get; internal set; } = string.Empty;

        /// <summary>When MoSAPI last refreshed from the monitoring database (lastUpdateApiDatabase).</summary>
        public DateTimeOffset? LastUpdated { get; internal set; }

        public int Version { get; internal set; }

        public IReadOnlyList<MoSapiServiceState> Services { get; internal set; } = new List<MoSapiServiceState>();

        /// <summary>Every incident of every service, flattened, so state objects pipe straight into incident cmdlets.</summary>
        public IEnumerable<MoSapiIncident> Incidents
        {
            get
            {
                foreach (var s in Services)
                {
                    foreach (var i in s.Incidents)
                    {
                        yield return i;
                    }
                }
            }
        }

        /// <summary>The service with that name, or null when the entity does not report it.</summary>
        public MoSapiServiceState? this[MoSapiService service]
        {
            get
            {
                foreach (var s in Services)
                {
                    if (s.Service == service)
                    {
                        return s;
                    }
                }

                return null;
            }
        }

        public override string ToString() =>
            $"{Tld ?? RegistrarId?.ToString(CultureInfo.InvariantCulture)}: {Status}";
    }
}
