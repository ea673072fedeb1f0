namespace MoSapi.Client
{
    /// <summary>
    /// Where the core reports what it does. The cmdlets route it to the verbose/debug/warning streams on the pipeline
    /// thread; the core never sees PowerShell. Implementations must be thread-safe.
    /// </summary>
    public interface IMoSapiLog
    {
        bool IsVerboseEnabled { get; }

        bool IsDebugEnabled { get; }

        void Verbose(string message);

        void Debug(string message);

        void Warning(string message);
    }

    internal sealed class NullLog : IMoSapiLog
    {
        public static readonly NullLog Instance = new NullLog();

        public bool IsVerboseEnabled => false;

        public bool IsDebugEnabled => false;

        public void Verbose(string message)
        {
        }

        public void Debug(string message)
        {
        }

        public void Warning(string message)
        {
        }
    }
}
