using System;
using System.Globalization;

namespace MoSapi
{
    /// <summary>What kind of change Watch-MoSapiState saw between two polls of the state.</summary>
    public enum MoSapiChangeKind
    {
        /// <summary>The status of the entity (Service is null) or of one service changed.</summary>
        StatusChanged,

        /// <summary>An incident appeared (or, with -IncludeInitial, was already active at the first poll).</summary>
        IncidentOpened,

        /// <summary>An incident that was active is now resolved.</summary>
        IncidentResolved,

        /// <summary>ICANN flagged or unflagged an incident as a false positive.</summary>
        FalsePositiveChanged,

        /// <summary>The emergency-threshold percent rose to or past one of the watched levels.</summary>
        ThresholdCrossed,
    }

    /// <summary>One change of the monitoring state of a TLD or registrar, as seen by Watch-MoSapiState.</summary>
    public sealed class MoSapiStateChange
    {
        /// <summary>When the poll that saw the change ended (UTC).</summary>
        public DateTimeOffset Time { get; internal set; }

        public string? Tld { get; internal set; }

        public int? RegistrarId { get; internal set; }

        /// <summary>The service concerned; null for a change of the entity's overall status.</summary>
        public MoSapiService? Service { get; internal set; }

        public MoSapiChangeKind Change { get; internal set; }

        /// <summary>
        /// The value before: a status word, an incident state (Active), a false-positive flag, or a threshold
        /// percent. Null for an initial event (-IncludeInitial) or an incident seen for the first time.
        /// </summary>
        public object? OldValue { get; internal set; }

        /// <summary>The value now, of the same kind as <see cref="OldValue"/>.</summary>
        public object? NewValue { get; internal set; }

        /// <summary>For ThresholdCrossed: the -ThresholdPercent level that was reached.</summary>
        public double? Level { get; internal set; }

        /// <summary>The incident concerned (IncidentOpened, IncidentResolved, FalsePositiveChanged), as it is now.</summary>
        public MoSapiIncident? Incident { get; internal set; }

        public override string ToString()
        {
            var entity = Tld ?? RegistrarId?.ToString(CultureInfo.InvariantCulture);
            var what = Service.HasValue ? entity + " " + Service.Value : entity;
            return string.Format(CultureInfo.InvariantCulture, "{0} {1}: {2} -> {3}", what, Change, OldValue ?? "(none)", NewValue);
        }
    }
}
