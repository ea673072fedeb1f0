using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using MoSapi.Client;

namespace MoSapi.Commands
{
    /// <summary>
    /// Get-MoSapiMeasurement: probe measurements of incidents and of recent cycles.
    /// <para>Incident (default): -Service -IncidentId lists the measurements of the incidents (MoSapiMeasurementInfo:
    /// MeasurementId, CycleTime); with -MeasurementId it returns those measurement documents (MoSapiMeasurement).
    /// Incident objects pipe in: <c>Get-MoSapiIncident -Service dns | Get-MoSapiMeasurement</c>.</para>
    /// <para>Date / Range: -Service -Date (whole UTC days) or -Start [-End] walks the recent-measurements tree and lists
    /// the cycles in the range.</para>
    /// <para>One idiom turns any list into documents: add -Detailed. Lists stay cheap by default (one request), documents
    /// cost one request each. Because list entries carry Service, IncidentId and MeasurementId, an entry or a filtered
    /// selection of entries can also be piped back in by property name to read just those documents; recent entries
    /// (IncidentId null) are read from the tree, located by the cycle their id starts with.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MoSapiMeasurement", DefaultParameterSetName = IncidentSet)]
    [OutputType(typeof(MoSapiMeasurementInfo), typeof(MoSapiMeasurement))]
    public sealed class GetMoSapiMeasurementCommand : MoSapiMonitoringCmdlet
    {
        private const string IncidentSet = "Incident";
        private const string DateSet = "Date";
        private const string RangeSet = "Range";

        [Parameter(Position = 0, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public MoSapiService[]? Service { get; set; }

        /// <summary>Null (recent measurements piped back in) is accepted; then -MeasurementId must be given.</summary>
        [Parameter(ParameterSetName = IncidentSet, Position = 1, ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyCollection]
        [ArgumentCompleter(typeof(IncidentIdCompleter))]
        public string[]? IncidentId { get; set; }

        [Parameter(ParameterSetName = IncidentSet, Position = 2, ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyCollection]
        public string[]? MeasurementId { get; set; }

        /// <summary>Whole UTC days of the recent-measurements tree.</summary>
        [Parameter(ParameterSetName = DateSet, Mandatory = true)]
        public DateTime[]? Date { get; set; }

        /// <summary>Cycles starting at or after Start; a date without a kind is UTC.</summary>
        [Parameter(ParameterSetName = RangeSet, Mandatory = true)]
        public DateTime? Start { get; set; }

        /// <summary>Cycles starting at or before End (default: now).</summary>
        [Parameter(ParameterSetName = RangeSet)]
        public DateTime? End { get; set; }

        /// <summary>Read the measurement documents of the listed cycles instead of listing them.</summary>
        [Parameter]
        public SwitchParameter Detailed { get; set; }

        internal override Func<WorkSink, MoSapiCallContext, Task>? CreateWork(MoSapiConnection connection)
        {
            var detailed = Detailed.IsPresent;
            if (ParameterSetName == IncidentSet)
            {
                var service = OneService(Service);
                var incidents = Clean(IncidentId);
                var measurements = Clean(MeasurementId);
                if (incidents.Count == 0 && measurements.Count == 0)
                {
                    ThrowTerminating(MoSapiErrorIds.InvalidArgument, "Say which measurements: give -IncidentId (measurements of incidents), or -Date / -Start for recent measurements.");
                }

                if (incidents.Count == 0)
                {
                    return (sink, context) => WriteInOrderAsync(sink, measurements.Select(m => Fetch(() => MoSapiClient.GetRecentMeasurementAsync(connection, service, m, context))).ToList());
                }

                return async (sink, context) =>
                {
                    foreach (var incident in incidents)
                    {
                        try
                        {
                            if (measurements.Count > 0)
                            {
                                await WriteInOrderAsync(sink, measurements.Select(m => Fetch(() => MoSapiClient.GetIncidentMeasurementAsync(connection, service, incident, m, context))).ToList()).ConfigureAwait(false);
                                continue;
                            }

                            var list = await MoSapiClient.GetIncidentMeasurementsAsync(connection, service, incident, context).ConfigureAwait(false);
                            if (detailed)
                            {
                                await WriteInOrderAsync(sink, list.Select(i => Fetch(() => MoSapiClient.GetIncidentMeasurementAsync(connection, service, incident, i.MeasurementId, context))).ToList()).ConfigureAwait(false);
                            }
                            else
                            {
                                foreach (var item in list)
                                {
                                    sink.Write(item);
                                }
                            }
                        }
                        catch (MoSapiException ex) when (ex.ErrorId == MoSapiErrorIds.NotFound)
                        {
                            // One unknown incident or measurement among several: report it and read the rest.
                            sink.Error(ex);
                        }
                    }
                };
            }

            var recentService = OneService(Service);
            var ranges = new List<(DateTimeOffset Start, DateTimeOffset End)>();
            if (ParameterSetName == DateSet)
            {
                foreach (var day in Date!.Select(d => Utc(d)!.Value.UtcDateTime.Date).Distinct().OrderBy(d => d))
                {
                    var start = new DateTimeOffset(day, TimeSpan.Zero);
                    ranges.Add((start, start.AddDays(1).AddSeconds(-1)));
                }
            }
            else
            {
                ranges.Add((Utc(Start)!.Value, Utc(End) ?? DateTimeOffset.UtcNow));
            }

            return async (sink, context) =>
            {
                foreach (var (start, end) in ranges)
                {
                    var list = await MoSapiClient.GetRecentMeasurementIdsAsync(connection, recentService, start, end, context).ConfigureAwait(false);
                    if (detailed)
                    {
                        await WriteInOrderAsync(sink, list.Select(i => Fetch(() => MoSapiClient.GetRecentMeasurementAsync(connection, recentService, i.MeasurementId, context))).ToList()).ConfigureAwait(false);
                    }
                    else
                    {
                        foreach (var item in list)
                        {
                            sink.Write(item);
                        }
                    }
                }
            };
        }

        private static Func<Task<MoSapiMeasurement>> Fetch(Func<Task<MoSapiMeasurement>> fetch) => fetch;

        private static List<string> Clean(string[]? values) =>
            (values ?? Array.Empty<string>()).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct().ToList();
    }
}
