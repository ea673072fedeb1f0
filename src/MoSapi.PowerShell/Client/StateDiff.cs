using System;
using System.Collections.Generic;
using System.Linq;

namespace MoSapi.Client
{
    /// <summary>
    /// Turns two successive states of one entity into change events. Pure, so every rule is unit-tested without a
    /// server: Watch-MoSapiState only polls and writes what this returns.
    /// </summary>
    public static class StateDiff
    {
        /// <summary>The levels watched when the caller names none.</summary>
        public static readonly double[] DefaultLevels = { 25, 50, 75, 100 };

        /// <summary>What changed from <paramref name="before"/> to <paramref name="after"/>.</summary>
        /// <param name="services">Only these services are compared; null compares every one.</param>
        public static IReadOnlyList<MoSapiStateChange> Compare(MoSapiState before, MoSapiState after, IReadOnlyCollection<double> levels, DateTimeOffset time, IReadOnlyCollection<MoSapiService>? services = null)
        {
            if (before == null)
            {
                throw new ArgumentNullException(nameof(before));
            }

            if (after == null)
            {
                throw new ArgumentNullException(nameof(after));
            }

            var changes = new List<MoSapiStateChange>();
            if (!string.Equals(before.Status, after.Status, StringComparison.Ordinal))
            {
                changes.Add(New(after, null, MoSapiChangeKind.StatusChanged, before.Status, after.Status, time));
            }

            foreach (var now in Selected(after, services))
            {
                var then = before[now.Service];
                if (then == null)
                {
                    // A service the entity did not report before has no history to compare with; say it is there.
                    changes.Add(New(after, now.Service, MoSapiChangeKind.StatusChanged, null, now.Status, time));
                    continue;
                }

                if (!string.Equals(then.Status, now.Status, StringComparison.Ordinal))
                {
                    changes.Add(New(after, now.Service, MoSapiChangeKind.StatusChanged, then.Status, now.Status, time));
                }

                CompareIncidents(after, then, now, time, changes);

                // A service that was Disabled has no figure to cross from.
                if (then.EmergencyThreshold is { } oldPercent && now.EmergencyThreshold is { } newPercent)
                {
                    foreach (var level in SortedLevels(levels).Where(l => oldPercent < l && newPercent >= l))
                    {
                        changes.Add(Crossed(after, now.Service, oldPercent, newPercent, level, time));
                    }
                }
            }

            return changes;
        }

        /// <summary>The state at the first poll, as events: statuses, active incidents and levels already reached.</summary>
        public static IReadOnlyList<MoSapiStateChange> Initial(MoSapiState state, IReadOnlyCollection<double> levels, DateTimeOffset time, IReadOnlyCollection<MoSapiService>? services = null)
        {
            if (state == null)
            {
                throw new ArgumentNullException(nameof(state));
            }

            var changes = new List<MoSapiStateChange> { New(state, null, MoSapiChangeKind.StatusChanged, null, state.Status, time) };
            foreach (var service in Selected(state, services))
            {
                changes.Add(New(state, service.Service, MoSapiChangeKind.StatusChanged, null, service.Status, time));
                foreach (var incident in service.Incidents.Where(IsActive).OrderBy(i => i.StartTime))
                {
                    changes.Add(WithIncident(New(state, service.Service, MoSapiChangeKind.IncidentOpened, null, incident.State, time), incident));
                }

                if (service.EmergencyThreshold is { } percent)
                {
                    foreach (var level in SortedLevels(levels).Where(l => percent >= l))
                    {
                        changes.Add(Crossed(state, service.Service, null, percent, level, time));
                    }
                }
            }

            return changes;
        }

        private static void CompareIncidents(MoSapiState entity, MoSapiServiceState then, MoSapiServiceState now, DateTimeOffset time, List<MoSapiStateChange> changes)
        {
            var known = new Dictionary<string, MoSapiIncident>(StringComparer.Ordinal);
            foreach (var incident in then.Incidents)
            {
                known[incident.IncidentId] = incident;
            }

            // Oldest first, so a log of events reads in the order things happened. Incidents that merely left the
            // rolling week are not news.
            foreach (var incident in now.Incidents.OrderBy(i => i.StartTime).ThenBy(i => i.IncidentId, StringComparer.Ordinal))
            {
                if (!known.TryGetValue(incident.IncidentId, out var old))
                {
                    // Opened and resolved between two polls: both happened, so both are reported.
                    changes.Add(WithIncident(New(entity, now.Service, MoSapiChangeKind.IncidentOpened, null, "Active", time), incident));
                    if (!IsActive(incident))
                    {
                        changes.Add(WithIncident(New(entity, now.Service, MoSapiChangeKind.IncidentResolved, "Active", incident.State, time), incident));
                    }
                }
                else if (IsActive(old) && !IsActive(incident))
                {
                    changes.Add(WithIncident(New(entity, now.Service, MoSapiChangeKind.IncidentResolved, old.State, incident.State, time), incident));
                }

                if (old != null && old.FalsePositive != incident.FalsePositive)
                {
                    changes.Add(WithIncident(New(entity, now.Service, MoSapiChangeKind.FalsePositiveChanged, old.FalsePositive, incident.FalsePositive, time), incident));
                }
            }
        }

        /// <summary>Active by its end time: the state word is only a label, a missing end time is the fact.</summary>
        private static bool IsActive(MoSapiIncident incident) => incident.EndTime == null;

        private static IEnumerable<MoSapiServiceState> Selected(MoSapiState state, IReadOnlyCollection<MoSapiService>? services) =>
            services == null || services.Count == 0 ? state.Services : state.Services.Where(s => services.Contains(s.Service));

        private static IEnumerable<double> SortedLevels(IReadOnlyCollection<double> levels) =>
            (levels == null || levels.Count == 0 ? DefaultLevels : (IEnumerable<double>)levels).Distinct().OrderBy(l => l);

        private static MoSapiStateChange Crossed(MoSapiState entity, MoSapiService service, double? oldPercent, double newPercent, double level, DateTimeOffset time)
        {
            var change = New(entity, service, MoSapiChangeKind.ThresholdCrossed, oldPercent, newPercent, time);
            change.Level = level;
            return change;
        }

        private static MoSapiStateChange WithIncident(MoSapiStateChange change, MoSapiIncident incident)
        {
            change.Incident = incident;
            return change;
        }

        private static MoSapiStateChange New(MoSapiState entity, MoSapiService? service, MoSapiChangeKind kind, object? oldValue, object? newValue, DateTimeOffset time) =>
            new MoSapiStateChange
            {
                Time = time,
                Tld = entity.Tld,
                RegistrarId = entity.RegistrarId,
                Service = service,
                Change = kind,
                OldValue = oldValue,
                NewValue = newValue,
            };
    }
}
