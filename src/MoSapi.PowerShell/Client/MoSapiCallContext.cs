using System.Threading;

namespace MoSapi.Client
{
    /// <summary>What one cmdlet invocation hands to the core: its cancellation (Ctrl+C) and its log.</summary>
    public sealed class MoSapiCallContext
    {
        public MoSapiCallContext(CancellationToken cancellationToken, IMoSapiLog? log = null)
        {
            CancellationToken = cancellationToken;
            Log = log ?? NullLog.Instance;
        }

        public static MoSapiCallContext None { get; } = new MoSapiCallContext(CancellationToken.None);

        public CancellationToken CancellationToken { get; }

        public IMoSapiLog Log { get; }
    }
}
