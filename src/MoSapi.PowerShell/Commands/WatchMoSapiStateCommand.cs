using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using MoSapi.Client;

namespace MoSapi.Commands
{
    /// <summary>
    /// Watch-MoSapiState: polls the state of each connection and writes a MoSapiStateChange for every change it sees.
    /// The first poll is the baseline; afterwards each poll is compared with the last good one of the same entity.
    /// </summary>
    [Cmdlet(VerbsCommon.Watch, "MoSapiState")]
    [OutputType(typeof(MoSapiStateChange))]
    public sealed class WatchMoSapiStateCommand : MoSapiMonitoringCmdlet
    {
        /// <summary>
        /// For tests only: overrides -IntervalSec with this many milliseconds, so a suite can watch several polls
        /// in a second. Read once when the command starts. Never set it in production: MoSAPI refreshes once a minute.
        /// </summary>
        internal const string TestIntervalVariable = "MOSAPI_WATCH_INTERVAL_MS";

        private readonly List<MoSapiConnection> _connections = new List<MoSapiConnection>();
        private TimeSpan _interval;

        /// <summary>Seconds between polls. MoSAPI refreshes the state once a minute, so polling faster gains nothing.</summary>
        [Parameter]
        [ValidateRange(60, 86400)]
        public int IntervalSec { get; set; } = 60;

        /// <summary>Stop after this many polls (the first, baseline poll included).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Count { get; set; }

        /// <summary>Stop at this time; a date without a kind is UTC, as everywhere in the module (Get-Date is local).</summary>
        [Parameter]
        public DateTime Until { get; set; }

        /// <summary>Emergency-threshold percents that raise ThresholdCrossed when reached from below.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateRange(0.0001, 10000.0)]
        public double[] ThresholdPercent { get; set; } = (double[])StateDiff.DefaultLevels.Clone();

        /// <summary>Watch only these services (the entity's overall status is always watched).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public MoSapiService[]? Service { get; set; }

        /// <summary>Also write the state found by the first poll: statuses, active incidents, levels already reached.</summary>
        [Parameter]
        public SwitchParameter IncludeInitial { get; set; }

        protected override void BeginProcessing()
        {
            _interval = TimeSpan.FromSeconds(IntervalSec);
            var test = Environment.GetEnvironmentVariable(TestIntervalVariable);
            if (!string.IsNullOrEmpty(test) && int.TryParse(test, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms > 0)
            {
                _interval = TimeSpan.FromMilliseconds(ms);
            }

            if (MyInvocation.BoundParameters.ContainsKey(nameof(Until)) && ToUtc(Until) <= DateTimeOffset.UtcNow)
            {
                ThrowTerminating(MoSapiErrorIds.InvalidArgument, $"-Until {Until.ToString("u", CultureInfo.InvariantCulture)} is already past. Give a time in the future, for example -Until (Get-Date).AddHours(1).");
            }
        }

        // Connections are only collected here: watching starts once every pipeline input has been bound.
        protected override void ProcessRecord()
        {
            foreach (var connection in ResolveConnections())
            {
                if (!_connections.Contains(connection))
                {
                    _connections.Add(connection);
                }
            }
        }

        internal override Func<WorkSink, MoSapiCallContext, Task>? CreateWork(MoSapiConnection connection) => null;

        protected override void EndProcessing()
        {
            if (_connections.Count == 0)
            {
                return;
            }

            DateTimeOffset? until = MyInvocation.BoundParameters.ContainsKey(nameof(Until)) ? ToUtc(Until) : (DateTimeOffset?)null;
            var services = Service?.Distinct().ToArray();
            var levels = ThresholdPercent.Distinct().OrderBy(l => l).ToArray();
            var last = new Dictionary<MoSapiConnection, MoSapiState>();
            using var throttle = new SemaphoreSlim(ThrottleLimit);
            WriteVerbose($"Watching {_connections.Count} entit{(_connections.Count == 1 ? "y" : "ies")} every {_interval.TotalSeconds:0.###} s.");

            for (var poll = 1; ; poll++)
            {
                var results = Poll(throttle);
                var time = DateTimeOffset.UtcNow;
                foreach (var (connection, state, failure) in results)
                {
                    if (state == null)
                    {
                        WriteWarning($"Could not read the state of {connection.Entity}: {failure!.Message} Watching goes on; the next poll is in {Describe(_interval)}.");
                        continue;
                    }

                    var changes = last.TryGetValue(connection, out var before)
                        ? StateDiff.Compare(before, state, levels, time, services)
                        : IncludeInitial ? StateDiff.Initial(state, levels, time, services) : Array.Empty<MoSapiStateChange>();
                    foreach (var change in changes)
                    {
                        WriteObject(change);
                    }

                    last[connection] = state;
                }

                if (Count > 0 && poll >= Count)
                {
                    return;
                }

                var wait = _interval;
                if (until.HasValue)
                {
                    var left = until.Value - DateTimeOffset.UtcNow;
                    if (left <= TimeSpan.Zero)
                    {
                        return;
                    }

                    if (left < wait)
                    {
                        // The last wait ends at -Until itself, and there is no poll after it.
                        Sleep(left);
                        return;
                    }
                }

                Sleep(wait);
            }
        }

        /// <summary>Reads every entity once, concurrently, and returns the outcomes in connection order.</summary>
        private List<(MoSapiConnection Connection, MoSapiState? State, Exception? Failure)> Poll(SemaphoreSlim throttle)
        {
            var context = Work.Context;
            var tasks = _connections.Select(c => ReadAsync(c, throttle, context)).ToArray();
            var all = Task.WhenAll(tasks);
            try
            {
                while (!all.Wait(250, Cancellation))
                {
                    Work.Drain(wait: false);
                }
            }
            catch (Exception ex) when (Cancellation.IsCancellationRequested && (ex is OperationCanceledException || ex is AggregateException))
            {
                throw new PipelineStoppedException();
            }

            Work.Drain(wait: false);
            return tasks.Select(t => t.Result).ToList();
        }

        private static async Task<(MoSapiConnection, MoSapiState?, Exception?)> ReadAsync(MoSapiConnection connection, SemaphoreSlim throttle, MoSapiCallContext context)
        {
            await throttle.WaitAsync(context.CancellationToken).ConfigureAwait(false);
            try
            {
                return (connection, await MoSapiClient.GetStateAsync(connection, context).ConfigureAwait(false), null);
            }
            catch (MoSapiException ex)
            {
                return (connection, null, ex);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && context.CancellationToken.IsCancellationRequested))
            {
                // A watch runs for hours; one odd failure must not end it. The warning carries the message.
                return (connection, null, ex);
            }
            finally
            {
                throttle.Release();
            }
        }

        /// <summary>Waits on the cancellation, so Ctrl+C ends the watch at once rather than at the next poll.</summary>
        private void Sleep(TimeSpan wait)
        {
            if (Cancellation.WaitHandle.WaitOne(wait))
            {
                throw new PipelineStoppedException();
            }
        }

        private static DateTimeOffset ToUtc(DateTime value) => Utc(value)!.Value;

        private static string Describe(TimeSpan interval) =>
            interval.TotalSeconds >= 1 ? interval.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s" : interval.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
    }
}
