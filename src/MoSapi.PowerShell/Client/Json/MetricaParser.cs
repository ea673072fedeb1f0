using System;
using System.Collections.Generic;
using System.Globalization;
using Newtonsoft.Json.Linq;

namespace MoSapi.Client.Json
{
    /// <summary>Maps Domain METRICA documents (spec 6) onto the models.</summary>
    internal static class MetricaParser
    {
        private const string ReportWhat = "METRICA report";
        private const string ListWhat = "METRICA report list";

        public static MoSapiDaarReport ParseReport(JObject doc, MoSapiEntity entity, DateTimeOffset? lastModified)
        {
            var (tld, registrarId) = EntityOf(doc, entity, ReportWhat);
            var threats = new List<MoSapiDaarThreat>();
            foreach (var item in JsonRead.Array(doc, "domainListData", ReportWhat) ?? new JArray())
            {
                var o = JsonRead.AsObject(item, "domainListData", ReportWhat);
                var count = JsonRead.Int(o, "count", ReportWhat) ?? throw JsonRead.Invalid(ReportWhat, "'count' of a threat type is missing");
                var domains = new List<string>();
                foreach (var d in JsonRead.Array(o, "domains", ReportWhat) ?? new JArray())
                {
                    if (d.Type != JTokenType.String)
                    {
                        throw JsonRead.Invalid(ReportWhat, $"an element of 'domains' should be a string but is {d.Type}");
                    }

                    domains.Add((string)d!);
                }

                threats.Add(new MoSapiDaarThreat
                {
                    ThreatType = JsonRead.RequiredString(o, "threatType", ReportWhat),
                    Count = count,

                    // -1 is how the service says "not monitored"; any negative count can only mean the same.
                    Monitored = count >= 0,
                    Domains = domains,
                });
            }

            return new MoSapiDaarReport
            {
                Tld = tld,
                RegistrarId = registrarId,
                Date = Day(JsonRead.RequiredString(doc, "domainListDate", ReportWhat), "domainListDate", ReportWhat),
                UniqueAbuseDomains = JsonRead.Int(doc, "uniqueAbuseDomains", ReportWhat) ?? 0,
                LastModified = lastModified,
                Threats = threats,
                Version = JsonRead.Int(doc, "version", ReportWhat) ?? 0,
            };
        }

        public static List<MoSapiDaarListEntry> ParseList(JObject doc, MoSapiEntity entity)
        {
            var (tld, registrarId) = EntityOf(doc, entity, ListWhat);
            var list = new List<MoSapiDaarListEntry>();
            foreach (var item in JsonRead.Array(doc, "domainLists", ListWhat) ?? new JArray())
            {
                var o = JsonRead.AsObject(item, "domainLists", ListWhat);
                var generated = JsonRead.String(o, "domainListGenerationDate", ListWhat);
                list.Add(new MoSapiDaarListEntry
                {
                    Tld = tld,
                    RegistrarId = registrarId,
                    Date = Day(JsonRead.RequiredString(o, "domainListDate", ListWhat), "domainListDate", ListWhat),
                    GenerationDate = generated == null ? null : Rfc3339(generated, "domainListGenerationDate", ListWhat),
                });
            }

            return list;
        }

        /// <summary>A METRICA day: "YYYY-MM-DD" as a UTC DateTime at 00:00.</summary>
        public static DateTime Day(string text, string name, string what)
        {
            if (!DateTime.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var day))
            {
                throw JsonRead.Invalid(what, $"'{name}' should be a date YYYY-MM-DD but is '{Shorten(text)}'");
            }

            return DateTime.SpecifyKind(day.Date, DateTimeKind.Utc);
        }

        public static DateTimeOffset Rfc3339(string text, string name, string what)
        {
            // RFC 3339 allows a space for 'T', lower-case 't'/'z' and any fraction length; the round-trip parser
            // takes all of them once normalised. A missing offset is read as UTC, the only zone MoSAPI uses.
            var normalized = text.Trim().Replace(' ', 'T').Replace('t', 'T').Replace('z', 'Z');
            if (DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
                && normalized.Length >= 19 && normalized[4] == '-' && normalized[10] == 'T')
            {
                return parsed.ToUniversalTime();
            }

            throw JsonRead.Invalid(what, $"'{name}' should be an RFC 3339 time but is '{Shorten(text)}'");
        }

        private static (string? Tld, int? RegistrarId) EntityOf(JObject doc, MoSapiEntity entity, string what)
        {
            // The body names the entity (tld, or ianaId for registrars); the connection's entity fills in when it
            // does not, so every object still says where it came from.
            var ianaId = JsonRead.Int(doc, "ianaId", what);
            if (ianaId != null)
            {
                return (null, ianaId);
            }

            var tld = JsonRead.String(doc, "tld", what);
            if (!string.IsNullOrEmpty(tld))
            {
                return (tld!.ToLowerInvariant(), null);
            }

            return (entity.Tld, entity.RegistrarId);
        }

        private static string Shorten(string text) => text.Length > 40 ? text.Substring(0, 40) + "..." : text;
    }
}
