using System;
using System.Collections.Generic;
using System.Globalization;

namespace MoSapi
{
    /// <summary>One Domain METRICA (formerly DAAR) report: the abuse domains of one day.</summary>
    public sealed class MoSapiDaarReport
    {
        public string? Tld { get; internal set; }

        public int? RegistrarId { get; internal set; }

        /// <summary>The day the report covers (UTC, time 00:00).</summary>
        public DateTime Date { get; internal set; }

        public int UniqueAbuseDomains { get; internal set; }

        /// <summary>From the Last-Modified header; null when the service sent none.</summary>
        public DateTimeOffset? LastModified { get; internal set; }

        public IReadOnlyList<MoSapiDaarThreat> Threats { get; internal set; } = new List<MoSapiDaarThreat>();

        public int Version { get; internal set; }

        /// <summary>One row per listed domain, as -ExpandDomains writes them.</summary>
        public IEnumerable<MoSapiDaarDomain> Domains
        {
            get
            {
                foreach (var threat in Threats)
                {
                    foreach (var domain in threat.Domains)
                    {
                        yield return new MoSapiDaarDomain
                        {
                            Tld = Tld,
                            RegistrarId = RegistrarId,
                            Date = Date,
                            ThreatType = threat.ThreatType,
                            Domain = domain,
                        };
                    }
                }
            }
        }

        public override string ToString() =>
            $"{Tld ?? RegistrarId?.ToString(CultureInfo.InvariantCulture)} {Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: {UniqueAbuseDomains}";
    }
}
