using System;
using System.Collections.Generic;
using System.Globalization;
using Newtonsoft.Json.Linq;

namespace MoSapi.Client.Json
{
    /// <summary>Maps measurement lists (spec 4.7, 4.9) and the measurement document (section 5), v1 and v2.</summary>
    internal static class MeasurementParser
    {
        private const string DocWhat = "measurement document";

        /// <summary>
        /// The list of an incident's measurements. The service sends objects ({measurementID, measurementTime}) or
        /// bare id strings, sometimes with a ".json" suffix; all become the same entries.
        /// </summary>
        public static List<MoSapiMeasurementInfo> ParseIncidentList(JObject doc, MoSapiEntity entity, MoSapiService service, string incidentId)
        {
            const string what = "measurement list";
            var array = JsonRead.Array(doc, "measurements", what) ?? throw JsonRead.Invalid(what, "'measurements' is missing");
            var list = new List<MoSapiMeasurementInfo>();
            foreach (var item in array)
            {
                string id;
                DateTimeOffset? time = null;
                if (item is JObject o)
                {
                    id = JsonRead.String(o, "measurementID", what) ?? JsonRead.RequiredString(o, "id", what);
                    time = JsonRead.Epoch(o, "measurementTime", what);
                }
                else if (item.Type == JTokenType.String)
                {
                    id = (string)item!;
                }
                else
                {
                    throw JsonRead.Invalid(what, $"an element of 'measurements' should be an object or a string but is {item.Type}");
                }

                id = StripJson(id);
                list.Add(new MoSapiMeasurementInfo
                {
                    Tld = entity.Tld,
                    RegistrarId = entity.RegistrarId,
                    Service = service,
                    IncidentId = incidentId,
                    MeasurementId = id,
                    CycleTime = time ?? CycleOf(id),
                });
            }

            return list;
        }

        /// <summary>One level of the recent-measurements tree: "years", "months", "days" or "measurements".</summary>
        public static List<string> ParseListing(JObject doc, string name)
        {
            var what = "measurement listing";
            var array = JsonRead.Array(doc, name, what) ?? throw JsonRead.Invalid(what, $"'{name}' is missing");
            var list = new List<string>();
            foreach (var item in array)
            {
                if (item.Type != JTokenType.String && item.Type != JTokenType.Integer)
                {
                    throw JsonRead.Invalid(what, $"an element of '{name}' should be a string but is {item.Type}");
                }

                list.Add(StripJson(Convert.ToString(((JValue)item).Value, CultureInfo.InvariantCulture) ?? string.Empty));
            }

            return list;
        }

        public static string StripJson(string id)
        {
            var trimmed = id.Trim();
            return trimmed.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? trimmed.Substring(0, trimmed.Length - 5) : trimmed;
        }

        /// <summary>Measurement ids start with the epoch second of their cycle ("1764201600" or "1700000040.7731").</summary>
        public static DateTimeOffset? CycleOf(string measurementId)
        {
            var dot = measurementId.IndexOf('.');
            var head = dot < 0 ? measurementId : measurementId.Substring(0, dot);
            return long.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= 253402300799L
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : (DateTimeOffset?)null;
        }

        public static MoSapiMeasurement ParseMeasurement(JObject doc, MoSapiEntity entity, MoSapiService service, string? measurementId, string? incidentId)
        {
            if (JsonRead.String(doc, "service", DocWhat) is { } named && MoSapiServiceNames.TryParse(named, out var fromDoc))
            {
                service = fromDoc;
            }

            var cycle = JsonRead.Epoch(doc, "cycleCalculationDateTime", DocWhat) ?? throw JsonRead.Invalid(DocWhat, "'cycleCalculationDateTime' is missing");
            var id = measurementId ?? cycle.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var m = new MoSapiMeasurement
            {
                Tld = entity.Tld,
                RegistrarId = entity.RegistrarId,
                Service = service,
                MeasurementId = id,
                IncidentId = incidentId,
                CycleTime = cycle,
                Status = StatusWords.Normalize(JsonRead.String(doc, "status", DocWhat)),
                Version = JsonRead.Int(doc, "version", DocWhat) ?? 0,
                LastUpdated = JsonRead.Epoch(doc, "lastUpdateApiDatabase", DocWhat),
                MinNameServersUp = JsonRead.Int(doc, "minNameServersUp", DocWhat),
            };

            var nameServers = new List<MoSapiNameServerStatus>();
            var nameServerProbes = new List<MoSapiNameServerStatus>();
            if (JsonRead.Object(doc, "nameServerAvailability", DocWhat) is { } availability)
            {
                foreach (var item in JsonRead.Array(availability, "nameServerStatus", DocWhat) ?? new JArray())
                {
                    nameServers.Add(NameServer(JsonRead.AsObject(item, "nameServerStatus", DocWhat), null));
                }

                foreach (var item in JsonRead.Array(availability, "probes", DocWhat) ?? new JArray())
                {
                    var probe = JsonRead.AsObject(item, "probes", DocWhat);
                    var city = ProbeName(probe);
                    foreach (var test in JsonRead.Array(probe, "testData", DocWhat) ?? new JArray())
                    {
                        nameServerProbes.Add(NameServer(JsonRead.AsObject(test, "testData", DocWhat), city));
                    }
                }
            }

            var interfaces = new List<MoSapiMeasurementInterface>();
            var results = new List<MoSapiProbeResult>();
            foreach (var item in JsonRead.Array(doc, "testedInterface", DocWhat) ?? new JArray())
            {
                var io = JsonRead.AsObject(item, "testedInterface", DocWhat);
                var name = (JsonRead.String(io, "interface", DocWhat) ?? string.Empty).Trim().ToUpperInvariant();
                var probes = new List<MoSapiMeasurementProbe>();
                foreach (var p in JsonRead.Array(io, "probes", DocWhat) ?? new JArray())
                {
                    var probe = ParseProbe(JsonRead.AsObject(p, "probes", DocWhat));
                    probes.Add(probe);
                    AddRows(results, m, name, probe);
                }

                interfaces.Add(new MoSapiMeasurementInterface { Interface = name, Probes = probes });
            }

            m.NameServers = nameServers;
            m.NameServerProbes = nameServerProbes;
            m.Interfaces = interfaces;
            m.Results = results;
            return m;
        }

        private static MoSapiNameServerStatus NameServer(JObject o, string? probe) => new MoSapiNameServerStatus
        {
            Probe = probe,
            Target = JsonRead.String(o, "target", DocWhat) ?? string.Empty,
            Status = StatusWords.Normalize(JsonRead.String(o, "status", DocWhat)),
        };

        private static string ProbeName(JObject probe) =>
            JsonRead.String(probe, "city", DocWhat) ?? JsonRead.String(probe, "probe", DocWhat) ?? string.Empty;

        private static MoSapiMeasurementProbe ParseProbe(JObject p)
        {
            var targets = new List<MoSapiMeasurementTarget>();
            foreach (var t in JsonRead.Array(p, "testData", DocWhat) ?? new JArray())
            {
                var to = JsonRead.AsObject(t, "testData", DocWhat);
                var metrics = new List<MoSapiMeasurementMetric>();
                foreach (var x in JsonRead.Array(to, "metrics", DocWhat) ?? new JArray())
                {
                    var mo = JsonRead.AsObject(x, "metrics", DocWhat);
                    var result = JsonRead.String(mo, "result", DocWhat) ?? string.Empty;
                    var rtt = JsonRead.Double(mo, "rtt", DocWhat);
                    metrics.Add(new MoSapiMeasurementMetric
                    {
                        TestTime = JsonRead.Epoch(mo, "testDateTime", DocWhat),
                        TargetIp = NullIfEmpty(JsonRead.String(mo, "targetIP", DocWhat)),
                        Rtt = rtt.HasValue && rtt.Value <= int.MaxValue && rtt.Value >= int.MinValue ? (int)Math.Round(rtt.Value) : (int?)null,
                        Result = result,
                        ResultCode = ResultCodes.Parse(result),
                        Nsid = JsonRead.String(mo, "nsid", DocWhat),
                    });
                }

                targets.Add(new MoSapiMeasurementTarget
                {
                    Target = JsonRead.String(to, "target", DocWhat) ?? string.Empty,
                    Status = StatusWords.Normalize(JsonRead.String(to, "status", DocWhat)),
                    Metrics = metrics,
                });
            }

            return new MoSapiMeasurementProbe
            {
                Probe = ProbeName(p),
                Status = StatusWords.Normalize(JsonRead.String(p, "status", DocWhat)),
                TestedName = JsonRead.String(p, "testedName", DocWhat),
                Transport = JsonRead.String(p, "transport", DocWhat)?.ToLowerInvariant(),
                Targets = targets,
            };
        }

        private static void AddRows(List<MoSapiProbeResult> rows, MoSapiMeasurement m, string iface, MoSapiMeasurementProbe probe)
        {
            MoSapiProbeResult Row() => new MoSapiProbeResult
            {
                Tld = m.Tld,
                RegistrarId = m.RegistrarId,
                Service = m.Service,
                MeasurementId = m.MeasurementId,
                CycleTime = m.CycleTime,
                Interface = iface,
                Probe = probe.Probe,
                ProbeStatus = probe.Status,
                Transport = probe.Transport,
                TestedName = probe.TestedName,
            };

            if (probe.Targets.Count == 0)
            {
                rows.Add(Row());
                return;
            }

            foreach (var target in probe.Targets)
            {
                if (target.Metrics.Count == 0)
                {
                    var row = Row();
                    row.Target = target.Target;
                    row.TargetStatus = target.Status;
                    rows.Add(row);
                    continue;
                }

                foreach (var metric in target.Metrics)
                {
                    var row = Row();
                    row.Target = target.Target;
                    row.TargetStatus = target.Status;
                    row.TargetIp = metric.TargetIp;
                    row.TestTime = metric.TestTime;
                    row.Rtt = metric.Rtt;
                    row.Result = metric.Result;
                    row.ResultCode = metric.ResultCode;
                    row.ResultDescription = metric.ResultCode is { } code ? ResultCodes.Lookup(code, m.Service, iface)?.Description : null;
                    row.Nsid = metric.Nsid;
                    rows.Add(row);
                }
            }
        }

        private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
    }
}
