using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Numerics;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MoSapi.Client.Json
{
    /// <summary>
    /// Reads a measurement document (spec section 5) token by token straight into the models. A large document has
    /// tens of thousands of metrics; a JToken tree of it costs many times the document's size and most of the time.
    /// </summary>
    /// <remarks>
    /// The result and the errors are those of reading the document into a JObject first and looking fields up with
    /// <see cref="JsonRead"/>, which is what the parser did before and what the tests pin down:
    /// <list type="bullet">
    /// <item>Keys are found ignoring case, an exact spelling winning; of several spellings the one that came first; of
    /// duplicate keys the last value (JObject replaces a duplicate in place).</item>
    /// <item>So a value may be superseded by a later key, and a broken value only fails the document if it survives:
    /// each field keeps the raw token or the parsed value, and an error found inside a nested value is kept with it
    /// and raised when the enclosing object is complete, in the order the tree-based parser looked at the fields.</item>
    /// <item>The whole document is syntax-checked before any field error is raised: a reader error surfaces at once,
    /// field errors only after the end of the document.</item>
    /// </list>
    /// </remarks>
    internal sealed class MeasurementStreamReader
    {
        private const string DocWhat = "measurement document";
        private const int MaxDepth = 64;

        private static readonly DefaultJsonNameTable Names = BuildNames();

        private readonly JsonReader _r;

        // Cities, targets, IPs, status words and results recur in every probe's rows; one instance of each is kept.
        private readonly Dictionary<string, string> _strings = new Dictionary<string, string>(StringComparer.Ordinal);

        private readonly Func<object> _readNsAvailability;
        private readonly Func<object> _readNameServers;
        private readonly Func<object> _readNsProbes;
        private readonly Func<object> _readNsTests;
        private readonly Func<object> _readInterfaces;
        private readonly Func<object> _readProbes;
        private readonly Func<object> _readTargets;
        private readonly Func<object> _readMetrics;

        private MeasurementStreamReader(JsonReader reader)
        {
            _r = reader;
            _readNsAvailability = ReadNsAvailability;
            Func<object> nameServer = ReadNameServer, nsProbe = ReadNsProbe, iface = ReadInterface, probe = ReadProbe, target = ReadTarget, metric = ReadMetric;
            _readNameServers = () => ReadArray<MoSapiNameServerStatus>(nameServer, "nameServerStatus");
            _readNsProbes = () => ReadArray<NsProbe>(nsProbe, "probes");
            _readNsTests = () => ReadArray<MoSapiNameServerStatus>(nameServer, "testData");
            _readInterfaces = () => ReadArray<MoSapiMeasurementInterface>(iface, "testedInterface");
            _readProbes = () => ReadArray<MoSapiMeasurementProbe>(probe, "probes");
            _readTargets = () => ReadArray<MoSapiMeasurementTarget>(target, "testData");
            _readMetrics = () => ReadArray<MoSapiMeasurementMetric>(metric, "metrics");
        }

        public static MoSapiMeasurement Parse(byte[] body, int offset, int count, MoSapiEntity entity, MoSapiService service, string? measurementId, string? incidentId)
        {
            return Guard(() =>
            {
                // The same decoding and limits as JsonRead.ParseObject, so the same bytes are accepted.
                using (var stream = new MemoryStream(body, offset, count, writable: false))
                using (var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024))
                using (var reader = new JsonTextReader(text)
                {
                    DateParseHandling = DateParseHandling.None,
                    FloatParseHandling = FloatParseHandling.Double,
                    MaxDepth = MaxDepth,
                    PropertyNameTable = Names,
                })
                {
                    return new MeasurementStreamReader(reader).ReadDocument(entity, service, measurementId, incidentId);
                }
            });
        }

        public static MoSapiMeasurement Parse(JObject doc, MoSapiEntity entity, MoSapiService service, string? measurementId, string? incidentId)
        {
            return Guard(() =>
            {
                using (var reader = new JTokenReader(doc) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double, MaxDepth = MaxDepth })
                {
                    return new MeasurementStreamReader(reader).ReadDocument(entity, service, measurementId, incidentId);
                }
            });
        }

        private static MoSapiMeasurement Guard(Func<MoSapiMeasurement> parse)
        {
            try
            {
                return parse();
            }
            catch (JsonException ex)
            {
                throw JsonRead.Invalid(DocWhat, ex.Message, ex);
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is ArgumentException || ex is FormatException || ex is OverflowException || ex is DecoderFallbackException || ex is InvalidCastException)
            {
                throw JsonRead.Invalid(DocWhat, ex.Message, ex);
            }
        }

        private static DefaultJsonNameTable BuildNames()
        {
            // Known keys come back as these instances instead of a new string per occurrence.
            var table = new DefaultJsonNameTable();
            foreach (var name in new[]
            {
                "version", "lastUpdateApiDatabase", "tld", "registrarID", "service", "cycleCalculationDateTime", "status",
                "minNameServersUp", "nameServerAvailability", "nameServerStatus", "probes", "testData", "target", "city",
                "probe", "testedInterface", "interface", "testedName", "transport", "metrics", "testDateTime", "targetIP",
                "rtt", "result", "nsid",
            })
            {
                table.Add(name);
            }

            return table;
        }

        // ---- the document ---------------------------------------------------------------------------------------

        private MoSapiMeasurement ReadDocument(MoSapiEntity entity, MoSapiService service, string? measurementId, string? incidentId)
        {
            if (!_r.Read())
            {
                throw JsonRead.Invalid(DocWhat, "Error reading JToken from JsonReader");
            }

            if (_r.TokenType != JsonToken.StartObject)
            {
                var type = TypeName(_r.TokenType);
                _r.Skip();
                throw JsonRead.Invalid(DocWhat, $"expected a JSON object, got {type}");
            }

            Slot serviceSlot = default, cycleSlot = default, statusSlot = default, versionSlot = default, updatedSlot = default,
                minSlot = default, nsaSlot = default, interfacesSlot = default;
            while (NextProperty(out var name))
            {
                if (Is(name, "service", out var exact))
                {
                    Scalar(ref serviceSlot, name, exact);
                }
                else if (Is(name, "cycleCalculationDateTime", out exact))
                {
                    Scalar(ref cycleSlot, name, exact);
                }
                else if (Is(name, "status", out exact))
                {
                    Scalar(ref statusSlot, name, exact);
                }
                else if (Is(name, "version", out exact))
                {
                    Scalar(ref versionSlot, name, exact);
                }
                else if (Is(name, "lastUpdateApiDatabase", out exact))
                {
                    Scalar(ref updatedSlot, name, exact);
                }
                else if (Is(name, "minNameServersUp", out exact))
                {
                    Scalar(ref minSlot, name, exact);
                }
                else if (Is(name, "nameServerAvailability", out exact))
                {
                    Container(ref nsaSlot, name, exact, JsonToken.StartObject, _readNsAvailability);
                }
                else if (Is(name, "testedInterface", out exact))
                {
                    Container(ref interfacesSlot, name, exact, JsonToken.StartArray, _readInterfaces);
                }
                else
                {
                    _r.Skip();
                }
            }

            // Trailing content means the document is not what it claims to be.
            if (_r.Read())
            {
                throw JsonRead.Invalid(DocWhat, "unexpected content after the JSON document");
            }

            if (String(serviceSlot.Value, "service") is { } named && MoSapiServiceNames.TryParse(named, out var fromDoc))
            {
                service = fromDoc;
            }

            var cycle = Epoch(cycleSlot.Value, "cycleCalculationDateTime") ?? throw JsonRead.Invalid(DocWhat, "'cycleCalculationDateTime' is missing");
            var m = new MoSapiMeasurement
            {
                Tld = entity.Tld,
                RegistrarId = entity.RegistrarId,
                Service = service,
                MeasurementId = measurementId ?? cycle.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                IncidentId = incidentId,
                CycleTime = cycle,
                Status = StatusWords.Normalize(String(statusSlot.Value, "status")),
                Version = Int(versionSlot.Value, "version") ?? 0,
                LastUpdated = Epoch(updatedSlot.Value, "lastUpdateApiDatabase"),
                MinNameServersUp = Int(minSlot.Value, "minNameServersUp"),
            };

            if (Object<NsAvailability>(nsaSlot.Value, "nameServerAvailability") is { } availability)
            {
                m.NameServers = availability.NameServers;
                m.NameServerProbes = availability.NameServerProbes;
            }
            else
            {
                m.NameServers = new List<MoSapiNameServerStatus>();
                m.NameServerProbes = new List<MoSapiNameServerStatus>();
            }

            var interfaces = Array<MoSapiMeasurementInterface>(interfacesSlot.Value, "testedInterface") ?? new List<MoSapiMeasurementInterface>();
            m.Interfaces = interfaces;
            m.Results = Rows(m, interfaces);
            return m;
        }

        private List<MoSapiProbeResult> Rows(MoSapiMeasurement m, List<MoSapiMeasurementInterface> interfaces)
        {
            var count = 0;
            foreach (var i in interfaces)
            {
                foreach (var p in i.Probes)
                {
                    if (p.Targets.Count == 0)
                    {
                        count++;
                        continue;
                    }

                    foreach (var t in p.Targets)
                    {
                        count += Math.Max(1, t.Metrics.Count);
                    }
                }
            }

            // The same code means the same thing throughout one interface of one document.
            var descriptions = new Dictionary<(string, int), string?>();
            var rows = new List<MoSapiProbeResult>(count);
            foreach (var i in interfaces)
            {
                foreach (var p in i.Probes)
                {
                    if (p.Targets.Count == 0)
                    {
                        rows.Add(new MoSapiProbeResult(m, i, p, null, null));
                        continue;
                    }

                    foreach (var t in p.Targets)
                    {
                        if (t.Metrics.Count == 0)
                        {
                            rows.Add(new MoSapiProbeResult(m, i, p, t, null));
                            continue;
                        }

                        foreach (var metric in t.Metrics)
                        {
                            if (metric.ResultCode is { } code)
                            {
                                if (!descriptions.TryGetValue((i.Interface, code), out var description))
                                {
                                    description = ResultCodes.Lookup(code, m.Service, i.Interface)?.Description;
                                    descriptions.Add((i.Interface, code), description);
                                }

                                metric.Description = description;
                            }

                            rows.Add(new MoSapiProbeResult(m, i, p, t, metric));
                        }
                    }
                }
            }

            return rows;
        }

        // ---- nameServerAvailability -------------------------------------------------------------------------------

        private sealed class NsAvailability
        {
            public List<MoSapiNameServerStatus> NameServers = new List<MoSapiNameServerStatus>();

            public List<MoSapiNameServerStatus> NameServerProbes = new List<MoSapiNameServerStatus>();
        }

        private object ReadNsAvailability()
        {
            Slot nameServersSlot = default, probesSlot = default;
            while (NextProperty(out var name))
            {
                if (Is(name, "nameServerStatus", out var exact))
                {
                    Container(ref nameServersSlot, name, exact, JsonToken.StartArray, _readNameServers);
                }
                else if (Is(name, "probes", out exact))
                {
                    Container(ref probesSlot, name, exact, JsonToken.StartArray, _readNsProbes);
                }
                else
                {
                    _r.Skip();
                }
            }

            var result = new NsAvailability();
            if (Array<MoSapiNameServerStatus>(nameServersSlot.Value, "nameServerStatus") is { } nameServers)
            {
                result.NameServers = nameServers;
            }

            if (Array<NsProbe>(probesSlot.Value, "probes") is { } probes)
            {
                foreach (var probe in probes)
                {
                    foreach (var test in probe.Tests)
                    {
                        test.Probe = probe.City;
                        result.NameServerProbes.Add(test);
                    }
                }
            }

            return result;
        }

        private sealed class NsProbe
        {
            public string City = string.Empty;

            public List<MoSapiNameServerStatus> Tests = new List<MoSapiNameServerStatus>();
        }

        private object ReadNsProbe()
        {
            Slot citySlot = default, probeSlot = default, testsSlot = default;
            while (NextProperty(out var name))
            {
                if (Is(name, "city", out var exact))
                {
                    Scalar(ref citySlot, name, exact);
                }
                else if (Is(name, "probe", out exact))
                {
                    Scalar(ref probeSlot, name, exact);
                }
                else if (Is(name, "testData", out exact))
                {
                    Container(ref testsSlot, name, exact, JsonToken.StartArray, _readNsTests);
                }
                else
                {
                    _r.Skip();
                }
            }

            var result = new NsProbe { City = ProbeName(citySlot.Value, probeSlot.Value) };
            if (Array<MoSapiNameServerStatus>(testsSlot.Value, "testData") is { } tests)
            {
                result.Tests = tests;
            }

            return result;
        }

        private object ReadNameServer()
        {
            Slot targetSlot = default, statusSlot = default;
            while (NextProperty(out var name))
            {
                if (Is(name, "target", out var exact))
                {
                    Scalar(ref targetSlot, name, exact);
                }
                else if (Is(name, "status", out exact))
                {
                    Scalar(ref statusSlot, name, exact);
                }
                else
                {
                    _r.Skip();
                }
            }

            return new MoSapiNameServerStatus
            {
                Target = String(targetSlot.Value, "target") ?? string.Empty,
                Status = Status(statusSlot.Value, "status"),
            };
        }

        // ---- testedInterface ---------------------------------------------------------------------------------------

        private object ReadInterface()
        {
            Slot nameSlot = default, probesSlot = default;
            while (NextProperty(out var name))
            {
                if (Is(name, "interface", out var exact))
                {
                    Scalar(ref nameSlot, name, exact);
                }
                else if (Is(name, "probes", out exact))
                {
                    Container(ref probesSlot, name, exact, JsonToken.StartArray, _readProbes);
                }
                else
                {
                    _r.Skip();
                }
            }

            var interfaceName = Intern((String(nameSlot.Value, "interface") ?? string.Empty).Trim().ToUpperInvariant());
            var probes = Array<MoSapiMeasurementProbe>(probesSlot.Value, "probes") ?? new List<MoSapiMeasurementProbe>();
            return new MoSapiMeasurementInterface { Interface = interfaceName, Probes = probes };
        }

        private object ReadProbe()
        {
            Slot targetsSlot = default, citySlot = default, probeSlot = default, statusSlot = default, testedNameSlot = default, transportSlot = default;
            while (NextProperty(out var name))
            {
                if (Is(name, "testData", out var exact))
                {
                    Container(ref targetsSlot, name, exact, JsonToken.StartArray, _readTargets);
                }
                else if (Is(name, "city", out exact))
                {
                    Scalar(ref citySlot, name, exact);
                }
                else if (Is(name, "status", out exact))
                {
                    Scalar(ref statusSlot, name, exact);
                }
                else if (Is(name, "testedName", out exact))
                {
                    Scalar(ref testedNameSlot, name, exact);
                }
                else if (Is(name, "transport", out exact))
                {
                    Scalar(ref transportSlot, name, exact);
                }
                else if (Is(name, "probe", out exact))
                {
                    Scalar(ref probeSlot, name, exact);
                }
                else
                {
                    _r.Skip();
                }
            }

            var targets = Array<MoSapiMeasurementTarget>(targetsSlot.Value, "testData") ?? new List<MoSapiMeasurementTarget>();
            var probe = ProbeName(citySlot.Value, probeSlot.Value);
            var status = Status(statusSlot.Value, "status");
            var testedName = String(testedNameSlot.Value, "testedName");
            var transport = String(transportSlot.Value, "transport");
            return new MoSapiMeasurementProbe
            {
                Probe = probe,
                Status = status,
                TestedName = testedName,
                Transport = transport == null ? null : Intern(transport.ToLowerInvariant()),
                Targets = targets,
            };
        }

        private object ReadTarget()
        {
            Slot metricsSlot = default, targetSlot = default, statusSlot = default;
            while (NextProperty(out var name))
            {
                if (Is(name, "metrics", out var exact))
                {
                    Container(ref metricsSlot, name, exact, JsonToken.StartArray, _readMetrics);
                }
                else if (Is(name, "target", out exact))
                {
                    Scalar(ref targetSlot, name, exact);
                }
                else if (Is(name, "status", out exact))
                {
                    Scalar(ref statusSlot, name, exact);
                }
                else
                {
                    _r.Skip();
                }
            }

            var metrics = Array<MoSapiMeasurementMetric>(metricsSlot.Value, "metrics") ?? new List<MoSapiMeasurementMetric>();
            var target = String(targetSlot.Value, "target") ?? string.Empty;
            return new MoSapiMeasurementTarget
            {
                Target = target,
                Status = Status(statusSlot.Value, "status"),
                Metrics = metrics,
            };
        }

        private object ReadMetric()
        {
            Slot resultSlot = default, rttSlot = default, timeSlot = default, ipSlot = default, nsidSlot = default;
            while (NextProperty(out var name))
            {
                if (Is(name, "result", out var exact))
                {
                    Scalar(ref resultSlot, name, exact);
                }
                else if (Is(name, "rtt", out exact))
                {
                    Scalar(ref rttSlot, name, exact);
                }
                else if (Is(name, "testDateTime", out exact))
                {
                    Scalar(ref timeSlot, name, exact);
                }
                else if (Is(name, "targetIP", out exact))
                {
                    Scalar(ref ipSlot, name, exact);
                }
                else if (Is(name, "nsid", out exact))
                {
                    Scalar(ref nsidSlot, name, exact);
                }
                else
                {
                    _r.Skip();
                }
            }

            var result = String(resultSlot.Value, "result") ?? string.Empty;
            var rtt = Double(rttSlot.Value, "rtt");
            var time = Epoch(timeSlot.Value, "testDateTime");
            var ip = String(ipSlot.Value, "targetIP");
            var nsid = String(nsidSlot.Value, "nsid");
            return new MoSapiMeasurementMetric
            {
                TestTime = time,
                TargetIp = string.IsNullOrEmpty(ip) ? null : ip,
                Rtt = rtt.HasValue && rtt.Value <= int.MaxValue && rtt.Value >= int.MinValue ? (int)Math.Round(rtt.Value) : (int?)null,
                Result = result,
                ResultCode = ResultCodes.Parse(result),
                Nsid = nsid,
            };
        }

        private string ProbeName(Value city, Value probe) => String(city, "city") ?? String(probe, "probe") ?? string.Empty;

        private string Status(Value v, string name) => Intern(StatusWords.Normalize(String(v, name)));

        // ---- reading ------------------------------------------------------------------------------------------------

        /// <summary>One value of a key: the token, the scalar or parsed value, or the error its content raised.</summary>
        private struct Value
        {
            public bool Present;
            public JsonToken Token;
            public object? Content;
            public MoSapiException? Error;
        }

        /// <summary>A field of an object: the value under its exact key and under the first other spelling seen.</summary>
        private struct Slot
        {
            public Value Exact;
            public Value Other;
            public string? OtherName;

            public Value Value => Exact.Present ? Exact : Other;
        }

        private static bool Is(string name, string field, out bool exact)
        {
            if (string.Equals(name, field, StringComparison.Ordinal))
            {
                exact = true;
                return true;
            }

            exact = false;
            return string.Equals(name, field, StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Where the value of <paramref name="name"/> belongs, or false when an earlier spelling shadows it.</summary>
        private static bool Target(ref Slot slot, string name, bool exact)
        {
            if (exact)
            {
                return true;
            }

            if (slot.OtherName == null)
            {
                slot.OtherName = name;
                return true;
            }

            return string.Equals(slot.OtherName, name, StringComparison.Ordinal);
        }

        private void Scalar(ref Slot slot, string name, bool exact)
        {
            if (!Target(ref slot, name, exact))
            {
                _r.Skip();
                return;
            }

            var v = new Value { Present = true, Token = _r.TokenType };
            if (IsStart(_r.TokenType))
            {
                _r.Skip();
            }
            else
            {
                v.Content = _r.Value;
            }

            if (exact)
            {
                slot.Exact = v;
            }
            else
            {
                slot.Other = v;
            }
        }

        private void Container(ref Slot slot, string name, bool exact, JsonToken expected, Func<object> read)
        {
            if (!Target(ref slot, name, exact))
            {
                _r.Skip();
                return;
            }

            var v = new Value { Present = true, Token = _r.TokenType };
            if (_r.TokenType == expected)
            {
                var depth = _r.Depth;
                try
                {
                    v.Content = read();
                }
                catch (MoSapiException ex)
                {
                    // Kept, not raised: a later duplicate key may replace this value, and a syntax error further on
                    // takes precedence.
                    v.Error = ex;
                    while (!(IsEnd(_r.TokenType) && _r.Depth == depth))
                    {
                        if (!_r.Read())
                        {
                            throw UnexpectedEnd();
                        }
                    }
                }
            }
            else if (IsStart(_r.TokenType))
            {
                _r.Skip();
            }
            else
            {
                v.Content = _r.Value;
            }

            if (exact)
            {
                slot.Exact = v;
            }
            else
            {
                slot.Other = v;
            }
        }

        private List<T> ReadArray<T>(Func<object> readItem, string name)
        {
            var list = new List<T>();
            while (true)
            {
                Next();
                if (_r.TokenType == JsonToken.EndArray)
                {
                    return list;
                }

                if (_r.TokenType != JsonToken.StartObject)
                {
                    throw JsonRead.Invalid(DocWhat, $"an element of '{name}' should be an object but is {TypeName(_r.TokenType)}");
                }

                list.Add((T)readItem());
            }
        }

        /// <summary>Moves to the next property of the current object and onto its value; false at the object's end.</summary>
        private bool NextProperty(out string name)
        {
            Next();
            if (_r.TokenType != JsonToken.PropertyName)
            {
                name = string.Empty;
                return false;
            }

            name = (string)_r.Value!;
            Next();
            return true;
        }

        private void Next()
        {
            do
            {
                if (!_r.Read())
                {
                    throw UnexpectedEnd();
                }
            }
            while (_r.TokenType == JsonToken.Comment);
        }

        private MoSapiException UnexpectedEnd()
        {
            var at = _r is IJsonLineInfo info && info.HasLineInfo()
                ? string.Format(CultureInfo.InvariantCulture, ", line {0}, position {1}", info.LineNumber, info.LinePosition)
                : string.Empty;
            return JsonRead.Invalid(DocWhat, $"Unexpected end of content while loading JObject. Path '{_r.Path}'{at}");
        }

        private static bool IsStart(JsonToken t) => t == JsonToken.StartObject || t == JsonToken.StartArray || t == JsonToken.StartConstructor;

        private static bool IsEnd(JsonToken t) => t == JsonToken.EndObject || t == JsonToken.EndArray || t == JsonToken.EndConstructor;

        /// <summary>The name JToken.Type would give the value, for messages identical to JsonRead's.</summary>
        private static string TypeName(JsonToken t) => t switch
        {
            JsonToken.StartObject => nameof(JTokenType.Object),
            JsonToken.StartArray => nameof(JTokenType.Array),
            JsonToken.StartConstructor => nameof(JTokenType.Constructor),
            _ => t.ToString(),
        };

        private string Intern(string s)
        {
            if (_strings.TryGetValue(s, out var shared))
            {
                return shared;
            }

            _strings.Add(s, s);
            return s;
        }

        // ---- values, with JsonRead's rules ---------------------------------------------------------------------------

        private static bool IsAbsent(Value v) => !v.Present || v.Token == JsonToken.Null || v.Token == JsonToken.Undefined;

        private string? String(Value v, string name)
        {
            if (IsAbsent(v))
            {
                return null;
            }

            switch (v.Token)
            {
                case JsonToken.String:
                case JsonToken.Integer:
                case JsonToken.Float:
                case JsonToken.Boolean:
                    var s = Convert.ToString(v.Content, CultureInfo.InvariantCulture);
                    return s == null ? null : Intern(s);
                default:
                    throw JsonRead.Invalid(DocWhat, $"'{name}' should be a string but is {TypeName(v.Token)}");
            }
        }

        private static double? Double(Value v, string name)
        {
            if (IsAbsent(v))
            {
                return null;
            }

            double d;
            switch (v.Token)
            {
                case JsonToken.Integer when v.Content is BigInteger:
                    // As JsonRead.Double: beyond 64 bits no MoSAPI number is that large, and BigInteger is not IConvertible.
                    throw JsonRead.Invalid(DocWhat, $"'{name}' is out of range");
                case JsonToken.Integer:
                case JsonToken.Float:
                    d = Convert.ToDouble(v.Content, CultureInfo.InvariantCulture);
                    break;
                case JsonToken.String when double.TryParse((string?)v.Content, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                    d = parsed;
                    break;
                default:
                    throw JsonRead.Invalid(DocWhat, $"'{name}' should be a number but is {TypeName(v.Token)}");
            }

            if (double.IsNaN(d) || double.IsInfinity(d))
            {
                throw JsonRead.Invalid(DocWhat, $"'{name}' is not a finite number");
            }

            return d;
        }

        private static long? Long(Value v, string name)
        {
            if (IsAbsent(v))
            {
                return null;
            }

            switch (v.Token)
            {
                case JsonToken.Integer:
                    if (v.Content is long l)
                    {
                        return l;
                    }

                    throw JsonRead.Invalid(DocWhat, $"'{name}' is out of range");
                case JsonToken.Float:
                    var f = Convert.ToDouble(v.Content, CultureInfo.InvariantCulture);
                    if (f >= long.MinValue && f <= long.MaxValue && Math.Floor(f) == f)
                    {
                        return (long)f;
                    }

                    throw JsonRead.Invalid(DocWhat, $"'{name}' should be a whole number but is {f.ToString(CultureInfo.InvariantCulture)}");
                case JsonToken.String when long.TryParse((string?)v.Content, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed):
                    return parsed;
                default:
                    throw JsonRead.Invalid(DocWhat, $"'{name}' should be a whole number but is {TypeName(v.Token)}");
            }
        }

        private static int? Int(Value v, string name)
        {
            var l = Long(v, name);
            if (l == null)
            {
                return null;
            }

            if (l < int.MinValue || l > int.MaxValue)
            {
                throw JsonRead.Invalid(DocWhat, $"'{name}' is out of range");
            }

            return (int)l.Value;
        }

        private static DateTimeOffset? Epoch(Value v, string name)
        {
            var seconds = Long(v, name);
            if (seconds == null)
            {
                return null;
            }

            // 0001-01-01 .. 9999-12-31 is what DateTimeOffset can hold.
            if (seconds < -62135596800L || seconds > 253402300799L)
            {
                throw JsonRead.Invalid(DocWhat, $"'{name}' is not a usable time");
            }

            return DateTimeOffset.FromUnixTimeSeconds(seconds.Value);
        }

        private static List<T>? Array<T>(Value v, string name)
        {
            if (IsAbsent(v))
            {
                return null;
            }

            if (v.Token != JsonToken.StartArray)
            {
                throw JsonRead.Invalid(DocWhat, $"'{name}' should be a list but is {TypeName(v.Token)}");
            }

            if (v.Error != null)
            {
                throw v.Error;
            }

            return (List<T>)v.Content!;
        }

        private static T? Object<T>(Value v, string name)
            where T : class
        {
            if (IsAbsent(v))
            {
                return null;
            }

            if (v.Token != JsonToken.StartObject)
            {
                throw JsonRead.Invalid(DocWhat, $"'{name}' should be an object but is {TypeName(v.Token)}");
            }

            if (v.Error != null)
            {
                throw v.Error;
            }

            return (T)v.Content!;
        }
    }
}
