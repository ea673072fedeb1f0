using System.Collections.Generic;

namespace MoSapi
{
    /// <summary>The state of one service inside <see cref="MoSapiState"/>.</summary>
    public sealed class MoSapiServiceState
    {
        public string? Tld { get; internal set; }

        public int? RegistrarId { get; internal set; }

        public MoSapiService Service { get; internal set; }

        /// <summary>Up, Down, Disabled or one of the Up-inconclusive-* words.</summary>
        public string Status { get; internal set; } = string.Empty;

        /// <summary>Percent of the emergency threshold used in the rolling week; null when the service is Disabled.</summary>
        public double? EmergencyThreshold { get; internal set; }

        /// <summary>Every incident of the rolling week, active and resolved (empty when Disabled).</summary>
        public IReadOnlyList<MoSapiIncident> Incidents { get; internal set; } = new List<MoSapiIncident>();

        public override string ToString() => $"{Service}: {Status}";
    }
}
