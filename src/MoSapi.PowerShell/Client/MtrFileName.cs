using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MoSapi.Client
{
    /// <summary>
    /// The parts of an mtr report file name, <c>{probe}-{targetIP}-{cycleStartEpoch}-{runEpoch}.json.gz</c>. Parsed
    /// from the right: the two epochs are the last dash-separated fields and an address never holds a dash (IPv6 is
    /// written with colons), so a probe name that contains a dash still parses.
    /// </summary>
    public sealed class MtrFileName
    {
        private const string Suffix = ".json.gz";

        private MtrFileName(string fileName, string probe, IPAddress targetIp, DateTimeOffset cycleTime, DateTimeOffset runTime)
        {
            FileName = fileName;
            Probe = probe;
            TargetIp = targetIp;
            CycleTime = cycleTime;
            RunTime = runTime;
        }

        public string FileName { get; }

        public string Probe { get; }

        public IPAddress TargetIp { get; }

        public DateTimeOffset CycleTime { get; }

        public DateTimeOffset RunTime { get; }

        /// <summary>The name to save the decompressed JSON under: no '.gz', and no ':' (not allowed on Windows).</summary>
        public string JsonFileName => FileName.Substring(0, FileName.Length - 3).Replace(':', '_');

        public static bool TryParse(string? fileName, out MtrFileName? parsed)
        {
            parsed = null;
            if (string.IsNullOrEmpty(fileName) || fileName!.Length > 255 || !fileName.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase)
                || fileName.IndexOfAny(new[] { '/', '\\' }) >= 0)
            {
                return false;
            }

            var stem = fileName.Substring(0, fileName.Length - Suffix.Length);
            var runDash = stem.LastIndexOf('-');
            if (runDash <= 0 || !TryEpoch(stem.Substring(runDash + 1), out var run))
            {
                return false;
            }

            var cycleDash = stem.LastIndexOf('-', runDash - 1);
            if (cycleDash <= 0 || !TryEpoch(stem.Substring(cycleDash + 1, runDash - cycleDash - 1), out var cycle))
            {
                return false;
            }

            var ipDash = stem.LastIndexOf('-', cycleDash - 1);
            if (ipDash <= 0 || !TryAddress(stem.Substring(ipDash + 1, cycleDash - ipDash - 1), out var ip))
            {
                return false;
            }

            var probe = stem.Substring(0, ipDash);
            if (probe.Trim().Length == 0)
            {
                return false;
            }

            parsed = new MtrFileName(fileName, probe, ip!, cycle, run);
            return true;
        }

        /// <summary>
        /// A literal IPv4 or IPv6 address only: IPAddress.TryParse alone also takes "1" or "0x7f" as IPv4, and names
        /// such as "12" in a file name must not be mistaken for addresses.
        /// </summary>
        public static bool TryAddress(string text, out IPAddress? address)
        {
            address = null;
            if (string.IsNullOrEmpty(text) || text.IndexOf('%') >= 0 || !IPAddress.TryParse(text, out var ip))
            {
                return false;
            }

            if (ip.AddressFamily == AddressFamily.InterNetwork)
            {
                var parts = text.Split('.');
                if (parts.Length != 4)
                {
                    return false;
                }

                foreach (var part in parts)
                {
                    if (part.Length == 0 || part.Length > 3 || !int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                    {
                        return false;
                    }
                }
            }
            else if (ip.AddressFamily != AddressFamily.InterNetworkV6 || text.IndexOf(':') < 0)
            {
                return false;
            }

            address = ip;
            return true;
        }

        private static bool TryEpoch(string text, out DateTimeOffset time)
        {
            time = default;
            if (text.Length == 0 || text.Length > 12 || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                || seconds > 253402300799L)
            {
                return false;
            }

            time = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return true;
        }

        public override string ToString() => FileName;
    }
}
