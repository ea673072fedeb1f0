using System.Collections.Generic;
using System.Globalization;

namespace MoSapi
{
    /// <summary>The count and listed domains of one threat type in a METRICA report.</summary>
    public sealed class MoSapiDaarThreat
    {
        /// <summary>phishing, malware, botnetCc, spam (as the service spells them).</summary>
        public string ThreatType { get; internal set; } = string.Empty;

        /// <summary>-1 when the threat type is not monitored (see <see cref="Monitored"/>).</summary>
        public int Count { get; internal set; }

        public bool Monitored { get; internal set; }

        /// <summary>May hold fewer names than <see cref="Count"/>: the service lists a sample.</summary>
        public IReadOnlyList<string> Domains { get; internal set; } = new List<string>();

        public override string ToString() =>
            Monitored ? $"{ThreatType}: {Count.ToString(CultureInfo.InvariantCulture)}" : $"{ThreatType}: not monitored";
    }
}
