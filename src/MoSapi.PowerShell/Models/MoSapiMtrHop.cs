using System.Globalization;

namespace MoSapi
{
    /// <summary>One hop (hub) of an mtr report. Times are milliseconds.</summary>
    public sealed class MoSapiMtrHop
    {
        /// <summary>The TTL of the hop, 1 for the first router.</summary>
        public int Hop { get; internal set; }

        /// <summary>Address or name; "???" when the hop did not answer.</summary>
        public string Host { get; internal set; } = string.Empty;

        /// <summary>"AS64500", or "AS???" when unknown; null when mtr ran without AS lookup.</summary>
        public string? Asn { get; internal set; }

        public double LossPercent { get; internal set; }

        public int Sent { get; internal set; }

        public double Last { get; internal set; }

        public double Avg { get; internal set; }

        public double Best { get; internal set; }

        public double Worst { get; internal set; }

        public double StdDev { get; internal set; }

        public override string ToString() =>
            $"{Hop.ToString(CultureInfo.InvariantCulture)} {Host} {LossPercent.ToString("0.#", CultureInfo.InvariantCulture)}%";
    }
}
