using System;
using System.Management.Automation;
using System.Threading;
using MoSapi.Client;

namespace MoSapi.Commands
{
    /// <summary>
    /// The base of every MoSapi cmdlet: background work through <see cref="FanOut"/>, Ctrl+C through one cancellation
    /// source, and the core's exceptions turned into ErrorRecords.
    /// </summary>
    public abstract class MoSapiCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _cancel = new CancellationTokenSource();
        private FanOut? _fanOut;

        internal FanOut Work
        {
            get
            {
                if (_fanOut == null)
                {
                    _fanOut = new FanOut(this, new CmdletLog(IsEnabled("Verbose", "VerbosePreference"), IsEnabled("Debug", "DebugPreference")), ThrottleLimitForWork, _cancel, ActivityName);
                }

                return _fanOut;
            }
        }

        /// <summary>How many entities are worked on at once.</summary>
        internal virtual int ThrottleLimitForWork => 4;

        internal virtual string ActivityName => MyInvocation.MyCommand.Name;

        internal CancellationToken Cancellation => _cancel.Token;

        /// <summary>Runs on the pipeline thread for each result of background work; null suppresses it.</summary>
        internal virtual object? BeforeWrite(object item) => item;

        protected override void EndProcessing()
        {
            _fanOut?.Drain(wait: true);
        }

        protected override void StopProcessing()
        {
            _cancel.Cancel();
        }

        /// <summary>A bad invocation ends the command.</summary>
        internal void ThrowTerminating(string errorId, string message, object? target = null) =>
            ThrowTerminatingError(ErrorRecords.Create(errorId, message, target));

        internal void ThrowTerminating(MoSapiException ex, object? target = null) =>
            ThrowTerminatingError(ErrorRecords.From(ex, target));

        /// <summary>
        /// -Debug on its own turns a compiled cmdlet's verbose preference into Inquire, so every WriteVerbose would
        /// ask "Continue with this operation?" — and fail in a non-interactive runbook. Verbose lines are written only
        /// when -Verbose or $VerbosePreference asks for them, the same rule the background work follows.
        /// </summary>
        internal new void WriteVerbose(string text)
        {
            // With -Debug but no -Verbose, even a $VerbosePreference of Continue would prompt; -Verbose -Debug shows both.
            if (IsEnabled("Verbose", "VerbosePreference")
                && (MyInvocation.BoundParameters.ContainsKey("Verbose") || !IsEnabled("Debug", "DebugPreference") || !MyInvocation.BoundParameters.ContainsKey("Debug")))
            {
                base.WriteVerbose(text);
            }
        }

        private bool IsEnabled(string parameter, string preferenceVariable)
        {
            if (MyInvocation.BoundParameters.TryGetValue(parameter, out var value))
            {
                return value is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(value);
            }

            var preference = GetVariableValue(preferenceVariable);
            if (preference is ActionPreference action)
            {
                return action != ActionPreference.SilentlyContinue && action != ActionPreference.Ignore;
            }

            return preference != null && Enum.TryParse(preference.ToString(), true, out ActionPreference parsed)
                && parsed != ActionPreference.SilentlyContinue && parsed != ActionPreference.Ignore;
        }

        /// <summary>
        /// PowerShell disposes a command that implements IDisposable when its pipeline ends, however it ends: work
        /// still running (after a terminating error elsewhere in the pipeline) is cancelled rather than left behind.
        /// The source itself is not disposed, because that work may still be observing its token.
        /// </summary>
        public void Dispose()
        {
            _cancel.Cancel();
        }
    }
}
