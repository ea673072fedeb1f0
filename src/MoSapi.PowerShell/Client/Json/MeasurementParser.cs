using System;
using System.Collections.Generic;
using System.Globalization;
using Newtonsoft.Json.Linq;

namespace MoSapi.Client.Json
{
    /// <summary>Maps measurement lists (spec 4.7, 4.9) and the measurement document (section 5), v1 and v2.</summary>
    internal static class MeasurementParser
    {
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

        public static MoSapiMeasurement ParseMeasurement(JObject doc, MoSapiEntity entity, MoSapiService service, string? measurementId, string? incidentId) =>
            MeasurementStreamReader.Parse(doc, entity, service, measurementId, incidentId);

        /// <summary>The document straight from the response body, without a JToken tree in between.</summary>
        public static MoSapiMeasurement ParseMeasurement(byte[] body, int offset, int count, MoSapiEntity entity, MoSapiService service, string? measurementId, string? incidentId) =>
            MeasurementStreamReader.Parse(body, offset, count, entity, service, measurementId, incidentId);
    }
}
