using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using MoSapi.Client;

namespace MoSapi.Commands
{
    /// <summary>
    /// Completes -IncidentId from the incidents in the current state of the chosen -Service and -Tld/-RegistrarId/
    /// -Connection (else every connection of the runspace): active incidents first, then the rest of the rolling week,
    /// newest first.
    /// </summary>
    public sealed class IncidentIdCompleter : IArgumentCompleter
    {
        /// <summary>Tab must never hang: whatever has not answered by then is left out.</summary>
        internal static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

        /// <summary>Completion reads the state of this many entities at most when none is named.</summary>
        private const int MaxEntities = 8;

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var connections = Connections(fakeBoundParameters).Take(MaxEntities).ToList();
            if (connections.Count == 0)
            {
                return Array.Empty<CompletionResult>();
            }

            var services = Values(fakeBoundParameters, "Service")
                .Select(v => MoSapiServiceNames.TryParse(v is MoSapiService s ? s.ToString() : v?.ToString(), out var parsed) ? parsed : (MoSapiService?)null)
                .Where(s => s.HasValue)
                .Select(s => s!.Value)
                .ToList();

            using var cancel = new CancellationTokenSource(Timeout);
            var context = new MoSapiCallContext(cancel.Token);
            var reads = connections.Select(c => MoSapiClient.GetStateAsync(c, context)).ToArray();
            try
            {
                Task.WaitAll(reads, Timeout);
            }
            catch (AggregateException)
            {
                // Failed or cancelled reads simply offer nothing.
            }

            cancel.Cancel();
            var incidents = reads
                .Where(t => t.Status == TaskStatus.RanToCompletion)
                .SelectMany(t => t.Result.Services)
                .Where(s => services.Count == 0 || services.Contains(s.Service))
                .SelectMany(s => s.Incidents)
                .Where(i => i.IncidentId.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .OrderBy(i => i.EndTime.HasValue)
                .ThenByDescending(i => i.StartTime)
                .ToList();

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var results = new List<CompletionResult>();
            foreach (var incident in incidents)
            {
                if (!seen.Add(incident.IncidentId))
                {
                    continue;
                }

                // Quoted: unquoted, "1700000040.7730" is a number to PowerShell and would lose its last zero.
                var text = "'" + incident.IncidentId + "'";
                var entity = incident.Tld ?? "rr/" + incident.RegistrarId?.ToString(CultureInfo.InvariantCulture);
                var when = incident.StartTime.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
                var state = incident.EndTime.HasValue ? "resolved" : "active";
                var tip = $"{entity} {incident.Service} incident, {state}, started {when}{(incident.FalsePositive ? ", false positive" : string.Empty)}";
                results.Add(new CompletionResult(text, $"{incident.IncidentId} ({state})", CompletionResultType.ParameterValue, tip));
            }

            return results;
        }

        private static IEnumerable<MoSapiConnection> Connections(IDictionary bound)
        {
            var given = Values(bound, "Connection").OfType<MoSapiConnection>().ToList();
            if (given.Count > 0)
            {
                return given;
            }

            var registry = ConnectionRegistry.Current;
            var wanted = new List<MoSapiEntity>();
            foreach (var tld in Values(bound, "Tld"))
            {
                if (tld != null && TryEntity(() => MoSapiEntity.ForTld(tld.ToString()!), out var entity))
                {
                    wanted.Add(entity);
                }
            }

            foreach (var id in Values(bound, "RegistrarId"))
            {
                if (id != null && int.TryParse(id.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && TryEntity(() => MoSapiEntity.ForRegistrar(number), out var entity))
                {
                    wanted.Add(entity);
                }
            }

            return wanted.Count == 0 ? registry.All : wanted.Distinct().SelectMany(registry.Find);
        }

        private static bool TryEntity(Func<MoSapiEntity> make, out MoSapiEntity entity)
        {
            try
            {
                entity = make();
                return true;
            }
            catch (MoSapiException)
            {
                entity = null!;
                return false;
            }
        }

        /// <summary>A bound value as a flat list: a single value, an array, or a PSObject around either.</summary>
        private static IEnumerable<object?> Values(IDictionary bound, string name)
        {
            if (bound == null || !bound.Contains(name))
            {
                yield break;
            }

            var value = bound[name] is PSObject ps ? ps.BaseObject : bound[name];
            if (value is IEnumerable list && !(value is string))
            {
                foreach (var item in list)
                {
                    yield return item is PSObject inner ? inner.BaseObject : item;
                }
            }
            else if (value != null)
            {
                yield return value;
            }
        }
    }
}
