using System;

namespace MoSapi.Client
{
    /// <summary>Per-connection request behaviour, set by Connect-MoSapi.</summary>
    public sealed class MoSapiClientOptions
    {
        public int TimeoutSec { get; set; } = 60;

        /// <summary>Retries after the first attempt for 429, 502/503/504, resets and timeouts. 0 disables them.</summary>
        public int MaximumRetryCount { get; set; } = 3;

        /// <summary>Base of the exponential back-off, in seconds (may be fractional).</summary>
        public double RetryIntervalSec { get; set; } = 1;

        /// <summary>A Retry-After longer than this is not waited for: the call fails with MoSapiRateLimited.</summary>
        public int MaximumRetryAfterSec { get; set; } = 60;

        /// <summary>MoSAPI allows 4 concurrent sessions per certificate; the same bound is kept per password account.</summary>
        public int MaximumInFlight { get; set; } = 4;

        internal TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSec);

        public MoSapiClientOptions Clone() => (MoSapiClientOptions)MemberwiseClone();
    }
}
