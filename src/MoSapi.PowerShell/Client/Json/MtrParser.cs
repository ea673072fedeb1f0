using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace MoSapi.Client.Json
{
    /// <summary>Maps mtr JSON reports (mtr --json, spec 7) and the archive listings onto the models.</summary>
    internal static class MtrParser
    {
        public static string What(string fileName) => $"network troubleshooting (mtr) report '{fileName}'";

        /// <summary>The decompressed report; the file name supplies probe, target and times.</summary>
        public static MoSapiMtrReport ParseReport(byte[] json, MtrFileName name, MoSapiEntity entity)
        {
            var what = What(name.FileName);
            var doc = JsonRead.ParseObject(json, what);
            var report = JsonRead.Object(doc, "report", what) ?? throw JsonRead.Invalid(what, "'report' is missing");
            var mtr = JsonRead.Object(report, "mtr", what);
            var hops = new List<MoSapiMtrHop>();
            var position = 0;
            foreach (var item in JsonRead.Array(report, "hubs", what) ?? new JArray())
            {
                position++;
                var hub = JsonRead.AsObject(item, "hubs", what);
                hops.Add(new MoSapiMtrHop
                {
                    // Older mtr versions send count as a string, and some none at all: the position is the hop then.
                    Hop = JsonRead.Int(hub, "count", what) ?? position,
                    Host = JsonRead.String(hub, "host", what) ?? "???",
                    Asn = JsonRead.String(hub, "ASN", what),
                    LossPercent = JsonRead.Double(hub, "Loss%", what) ?? 0,
                    Sent = JsonRead.Int(hub, "Snt", what) ?? 0,
                    Last = JsonRead.Double(hub, "Last", what) ?? 0,
                    Avg = JsonRead.Double(hub, "Avg", what) ?? 0,
                    Best = JsonRead.Double(hub, "Best", what) ?? 0,
                    Worst = JsonRead.Double(hub, "Wrst", what) ?? 0,
                    StdDev = JsonRead.Double(hub, "StDev", what) ?? 0,
                });
            }

            return new MoSapiMtrReport
            {
                Tld = entity.Tld,
                RegistrarId = entity.RegistrarId,
                Probe = name.Probe,
                TargetIp = name.TargetIp.ToString(),
                CycleTime = name.CycleTime,
                RunTime = name.RunTime,
                Source = mtr == null ? null : JsonRead.String(mtr, "src", what),
                Destination = mtr == null ? null : JsonRead.String(mtr, "dst", what),
                Tests = mtr == null ? null : JsonRead.Int(mtr, "tests", what),
                FileName = name.FileName,
                Hops = hops,
            };
        }

        /// <summary>The string list of a listing document ("years", "months", "days", "reports").</summary>
        public static List<string> ParseListing(JObject doc, string name, string what)
        {
            var list = new List<string>();
            foreach (var item in JsonRead.Array(doc, name, what) ?? new JArray())
            {
                if (item.Type != JTokenType.String && item.Type != JTokenType.Integer)
                {
                    throw JsonRead.Invalid(what, $"an element of '{name}' should be a string but is {item.Type}");
                }

                list.Add(item.ToString());
            }

            return list;
        }
    }
}
