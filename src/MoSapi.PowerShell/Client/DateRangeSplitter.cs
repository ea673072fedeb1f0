using System;
using System.Collections.Generic;

namespace MoSapi.Client
{
    /// <summary>
    /// MoSAPI refuses date ranges longer than 31 days (resultCode 2011), so longer ranges are asked for in windows.
    /// Bounds are inclusive whole seconds: a window ends 31 days after it starts and the next starts one second later,
    /// so windows neither overlap nor leave a gap.
    /// </summary>
    internal static class DateRangeSplitter
    {
        public const long MaxWindowSeconds = 31L * 86400;

        public static IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> Split(DateTimeOffset start, DateTimeOffset end)
        {
            var s = start.ToUnixTimeSeconds();
            var e = end.ToUnixTimeSeconds();
            var windows = new List<(DateTimeOffset, DateTimeOffset)>();
            if (e < s)
            {
                // The server's own answer (2012) says it best; one window carries the request there unchanged.
                windows.Add((DateTimeOffset.FromUnixTimeSeconds(s), DateTimeOffset.FromUnixTimeSeconds(e)));
                return windows;
            }

            while (true)
            {
                var windowEnd = Math.Min(e, s + MaxWindowSeconds);
                windows.Add((DateTimeOffset.FromUnixTimeSeconds(s), DateTimeOffset.FromUnixTimeSeconds(windowEnd)));
                if (windowEnd >= e)
                {
                    return windows;
                }

                s = windowEnd + 1;
            }
        }
    }
}
