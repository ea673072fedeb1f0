using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using MoSapi.Client;

namespace MoSapi.Commands
{
    /// <summary>
    /// Get-MoSapiDaarReport: Domain METRICA (formerly DAAR) abuse reports — the latest, those of given days, or the
    /// list of the days that have one.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MoSapiDaarReport", DefaultParameterSetName = LatestSet)]
    [Alias("Get-MoSapiMetricaReport")]
    [OutputType(typeof(MoSapiDaarReport), ParameterSetName = new[] { LatestSet, DateSet })]
    [OutputType(typeof(MoSapiDaarDomain), ParameterSetName = new[] { LatestSet, DateSet })]
    [OutputType(typeof(MoSapiDaarListEntry), ParameterSetName = new[] { ListSet })]
    public sealed class GetMoSapiDaarReportCommand : MoSapiDataCmdlet
    {
        private const string LatestSet = "Latest";
        private const string DateSet = "Date";
        private const string ListSet = "List";

        /// <summary>The days (UTC) whose reports to read; a time of day is ignored.</summary>
        [Parameter(Mandatory = true, ParameterSetName = DateSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public DateTime[]? Date { get; set; }

        /// <summary>List the reports available instead of reading one.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ListSet)]
        public SwitchParameter List { get; set; }

        /// <summary>First day of the list (UTC). Ranges over 31 days are split into several requests.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public DateTime? Start { get; set; }

        /// <summary>Last day of the list (UTC); today when only -Start is given.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public DateTime? End { get; set; }

        /// <summary>Write one row per listed domain (Date, ThreatType, Domain) instead of the reports.</summary>
        [Parameter(ParameterSetName = LatestSet)]
        [Parameter(ParameterSetName = DateSet)]
        public SwitchParameter ExpandDomains { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (Start is { } s && End is { } e && DayWindows.ToUtcDay(e) < DayWindows.ToUtcDay(s))
            {
                ThrowTerminating(MoSapiErrorIds.InvalidArgument, $"-End {e:yyyy-MM-dd} is before -Start {s:yyyy-MM-dd}. Give an end day on or after the start day.");
            }
        }

        internal override Func<WorkSink, MoSapiCallContext, Task>? CreateWork(MoSapiConnection connection)
        {
            var expand = ExpandDomains.IsPresent;
            switch (ParameterSetName)
            {
                case ListSet:
                    var start = Start;
                    var end = End;
                    return async (sink, context) =>
                    {
                        foreach (var entry in await MoSapiClient.GetMetricaListAsync(connection, start, end, context).ConfigureAwait(false))
                        {
                            sink.Write(entry);
                        }
                    };

                case DateSet:
                    var dates = (Date ?? Array.Empty<DateTime>()).ToList();
                    return async (sink, context) =>
                    {
                        foreach (var (_, report, error) in await MoSapiClient.GetMetricaReportsAsync(connection, dates, context).ConfigureAwait(false))
                        {
                            if (error != null)
                            {
                                sink.Error(error);
                            }
                            else
                            {
                                Emit(sink, report!, expand);
                            }
                        }
                    };

                default:
                    return async (sink, context) =>
                        Emit(sink, await MoSapiClient.GetMetricaLatestAsync(connection, context).ConfigureAwait(false), expand);
            }
        }

        private static void Emit(WorkSink sink, MoSapiDaarReport report, bool expand)
        {
            if (!expand)
            {
                sink.Write(report);
                return;
            }

            foreach (var row in report.Domains)
            {
                sink.Write(row);
            }
        }
    }
}
