using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using MoSapi.Client;

namespace MoSapi.Commands
{
    /// <summary>
    /// Get-MoSapiIncident: SLA incidents.
    /// <para>List (default): the incidents of each -Service (all services of the entity when omitted, skipping those not
    /// monitored) filtered by -Start/-End, -FalsePositive and -Situation. A range longer than 31 days is asked for in
    /// 31-day windows and merged without duplicates, with a progress bar. Without -Start the server's rolling week.</para>
    /// <para>With -IncidentId (exactly one -Service): the current state of given incidents; the list filters do not
    /// apply. Incident objects pipe in by property name (Tld/RegistrarId, Service, IncidentId), so
    /// <c>… | Get-MoSapiIncident</c> refreshes them. Lists and ids share one parameter set because PowerShell binds piped
    /// objects to the default set first: separate sets would make piped incidents list their whole service.</para>
    /// <para>InputObject: state objects from Get-MoSapiState bind to -InputObject (they have no Service property): the
    /// incidents of every service the state reports as monitored are listed, with the same filters. Service-state objects
    /// (<c>(Get-MoSapiState).Services</c>) bind -Service by property name and use the List set.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MoSapiIncident", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(MoSapiIncident))]
    public sealed class GetMoSapiIncidentCommand : MoSapiMonitoringCmdlet
    {
        private const string ListSet = "List";
        private const string InputSet = "InputObject";

        [Parameter(ParameterSetName = ListSet, Position = 0, ValueFromPipelineByPropertyName = true)]
        public MoSapiService[]? Service { get; set; }

        [Parameter(ParameterSetName = ListSet, Position = 1, ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyCollection]
        [ArgumentCompleter(typeof(IncidentIdCompleter))]
        public string[]? IncidentId { get; set; }

        [Parameter(ParameterSetName = InputSet, Mandatory = true, ValueFromPipeline = true)]
        public MoSapiState? InputObject { get; set; }

        /// <summary>Incidents overlapping [Start, End]; a date without a kind is UTC.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = InputSet)]
        public DateTime? Start { get; set; }

        /// <summary>Defaults to now when -Start is given.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = InputSet)]
        public DateTime? End { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = InputSet)]
        public bool? FalsePositive { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = InputSet)]
        [ValidateSet("Active", "Resolved", IgnoreCase = true)]
        public string? Situation { get; set; }

        internal override Func<WorkSink, MoSapiCallContext, Task>? CreateWork(MoSapiConnection connection)
        {
            var ids = (IncidentId ?? Array.Empty<string>()).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct().ToList();
            if (ParameterSetName == ListSet && ids.Count > 0)
            {
                var service = OneService(Service);
                return async (sink, context) =>
                {
                    foreach (var id in ids)
                    {
                        try
                        {
                            sink.Write(await MoSapiClient.GetIncidentAsync(connection, service, id, context).ConfigureAwait(false));
                        }
                        catch (MoSapiException ex) when (ex.ErrorId == MoSapiErrorIds.NotFound)
                        {
                            // One unknown id among several: report it and read the rest.
                            sink.Error(ex);
                        }
                    }
                };
            }

            if (Start == null && End != null)
            {
                ThrowTerminating(MoSapiErrorIds.InvalidArgument, "-End needs -Start: give the beginning of the range too (for example -Start (Get-Date).AddDays(-60)).");
            }

            var query = new IncidentQuery
            {
                Start = Utc(Start),
                End = Utc(End),
                FalsePositive = FalsePositive,
                Situation = Situation,
            };

            MoSapiService[] services;
            bool quietWhenNotMonitored;
            if (ParameterSetName == InputSet)
            {
                if (InputObject == null)
                {
                    return null;
                }

                services = InputObject.Services
                    .Where(s => !string.Equals(s.Status, "Disabled", StringComparison.OrdinalIgnoreCase))
                    .Select(s => s.Service)
                    .ToArray();
                quietWhenNotMonitored = true;
            }
            else
            {
                quietWhenNotMonitored = Service == null || Service.Length == 0;
                services = ServicesOf(connection, Service);
            }

            var activity = MyInvocation.MyCommand.Name;
            return async (sink, context) =>
            {
                foreach (var service in services)
                {
                    var what = $"{connection.Entity} {service.ToUrlSegment()}";
                    void Progress(int done, int total)
                    {
                        var record = new ProgressRecord(ProgressId, activity, string.Format(CultureInfo.InvariantCulture, "{0}: {1} of {2} 31-day windows read", what, done, total))
                        {
                            PercentComplete = total == 0 ? 100 : Math.Min(100, done * 100 / total),
                            RecordType = done >= total ? ProgressRecordType.Completed : ProgressRecordType.Processing,
                        };
                        sink.Progress(record);
                    }

                    List<MoSapiIncident> incidents;
                    try
                    {
                        incidents = await MoSapiClient.GetIncidentsInRangeAsync(connection, service, query, Progress, context).ConfigureAwait(false);
                    }
                    catch (MoSapiException ex) when (quietWhenNotMonitored && ex.ErrorId == MoSapiErrorIds.NotFound)
                    {
                        // Not monitored: nothing to list when the service was not asked for by name.
                        continue;
                    }

                    foreach (var incident in incidents)
                    {
                        sink.Write(incident);
                    }
                }
            };
        }

        private const int ProgressId = 0x4D71;
    }
}
