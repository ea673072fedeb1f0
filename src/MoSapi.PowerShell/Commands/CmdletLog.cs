using System.Collections.Concurrent;
using MoSapi.Client;

namespace MoSapi.Commands
{
    /// <summary>
    /// Collects the core's messages from worker threads; the pipeline thread writes them out, because a cmdlet may
    /// only write from the thread that runs it.
    /// </summary>
    internal sealed class CmdletLog : IMoSapiLog
    {
        internal enum Kind
        {
            Verbose,
            Debug,
            Warning,
        }

        private readonly ConcurrentQueue<(Kind Kind, string Text)> _queue = new ConcurrentQueue<(Kind, string)>();

        public CmdletLog(bool verbose, bool debug)
        {
            IsVerboseEnabled = verbose;
            IsDebugEnabled = debug;
        }

        public bool IsVerboseEnabled { get; }

        public bool IsDebugEnabled { get; }

        public void Verbose(string message)
        {
            if (IsVerboseEnabled)
            {
                _queue.Enqueue((Kind.Verbose, message));
            }
        }

        public void Debug(string message)
        {
            if (IsDebugEnabled)
            {
                _queue.Enqueue((Kind.Debug, message));
            }
        }

        public void Warning(string message) => _queue.Enqueue((Kind.Warning, message));

        public bool TryDequeue(out (Kind Kind, string Text) entry) => _queue.TryDequeue(out entry);
    }
}
