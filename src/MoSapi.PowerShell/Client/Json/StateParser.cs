using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace MoSapi.Client.Json
{
    /// <summary>Maps the state document (spec 4.1) and incident lists (4.4, 4.5) onto the models.</summary>
    internal static class StateParser
    {
        private const string What = "state document";

        public static MoSapiState ParseState(JObject doc, MoSapiEntity entity)
        {
            var services = new List<MoSapiServiceState>();
            var tested = JsonRead.Object(doc, "testedServices", What);
            if (tested != null)
            {
                foreach (var property in tested.Properties())
                {
                    // A service this module does not know yet is skipped, not fatal: the API may add one.
                    if (!MoSapiServiceNames.TryParse(property.Name, out var service))
                    {
                        continue;
                    }

                    var body = JsonRead.AsObject(property.Value, "testedServices", What);
                    var incidents = ParseIncidents(JsonRead.Array(body, "incidents", What), entity, service, What);
                    services.Add(new MoSapiServiceState
                    {
                        Tld = entity.Tld,
                        RegistrarId = entity.RegistrarId,
                        Service = service,
                        Status = StatusWords.Normalize(JsonRead.String(body, "status", What)),
                        EmergencyThreshold = JsonRead.Double(body, "emergencyThreshold", What),
                        Incidents = incidents,
                    });
                }
            }

            services.Sort((a, b) => a.Service.CompareTo(b.Service));
            return new MoSapiState
            {
                Tld = entity.Tld,
                RegistrarId = entity.RegistrarId,
                Status = StatusWords.Normalize(JsonRead.String(doc, "status", What)),
                LastUpdated = JsonRead.Epoch(doc, "lastUpdateApiDatabase", What),
                Version = JsonRead.Int(doc, "version", What) ?? 0,
                Services = services,
            };
        }

        public static List<MoSapiIncident> ParseIncidents(JArray? array, MoSapiEntity entity, MoSapiService service, string what)
        {
            var list = new List<MoSapiIncident>();
            if (array == null)
            {
                return list;
            }

            foreach (var item in array)
            {
                var o = JsonRead.AsObject(item, "incidents", what);
                list.Add(new MoSapiIncident
                {
                    Tld = entity.Tld,
                    RegistrarId = entity.RegistrarId,
                    Service = service,
                    IncidentId = JsonRead.RequiredString(o, "incidentID", what),
                    StartTime = JsonRead.Epoch(o, "startTime", what) ?? throw JsonRead.Invalid(what, "'startTime' is missing"),
                    EndTime = JsonRead.Epoch(o, "endTime", what),
                    FalsePositive = JsonRead.Bool(o, "falsePositive", what) ?? false,
                    State = StatusWords.Normalize(JsonRead.String(o, "state", what)),
                });
            }

            return list;
        }
    }
}
