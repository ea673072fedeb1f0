using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace MoSapi.Client.Json
{
    /// <summary>Maps the alarm, downtime, incident-list and false-positive documents (spec 4.2-4.6).</summary>
    internal static class MonitoringParser
    {
        public static MoSapiAlarm ParseAlarm(JObject doc, MoSapiEntity entity, MoSapiService service)
        {
            const string what = "alarm document";
            return new MoSapiAlarm
            {
                Tld = entity.Tld,
                RegistrarId = entity.RegistrarId,
                Service = service,
                Alarmed = StatusWords.Normalize(JsonRead.String(doc, "alarmed", what) ?? throw JsonRead.Invalid(what, "'alarmed' is missing")),
                LastUpdated = JsonRead.Epoch(doc, "lastUpdateApiDatabase", what),
            };
        }

        /// <summary>What a 404 means on alarmed: the service is not monitored.</summary>
        public static MoSapiAlarm DisabledAlarm(MoSapiEntity entity, MoSapiService service) => new MoSapiAlarm
        {
            Tld = entity.Tld,
            RegistrarId = entity.RegistrarId,
            Service = service,
            Alarmed = "Disabled",
        };

        public static MoSapiDowntime ParseDowntime(JObject doc, MoSapiEntity entity, MoSapiService service)
        {
            const string what = "downtime document";
            return new MoSapiDowntime
            {
                Tld = entity.Tld,
                RegistrarId = entity.RegistrarId,
                Service = service,
                DowntimeMinutes = JsonRead.Int(doc, "downtime", what) ?? throw JsonRead.Invalid(what, "'downtime' is missing"),
                Status = "Monitored",
                LastUpdated = JsonRead.Epoch(doc, "lastUpdateApiDatabase", what),
            };
        }

        public static MoSapiDowntime DisabledDowntime(MoSapiEntity entity, MoSapiService service) => new MoSapiDowntime
        {
            Tld = entity.Tld,
            RegistrarId = entity.RegistrarId,
            Service = service,
            Status = "Disabled",
        };

        public static List<MoSapiIncident> ParseIncidents(JObject doc, MoSapiEntity entity, MoSapiService service)
        {
            const string what = "incident list";
            var array = JsonRead.Array(doc, "incidents", what) ?? throw JsonRead.Invalid(what, "'incidents' is missing");
            return StateParser.ParseIncidents(array, entity, service, what);
        }

        public static MoSapiFalsePositive ParseFalsePositive(JObject doc, MoSapiEntity entity, MoSapiService service, string incidentId)
        {
            const string what = "false-positive document";
            return new MoSapiFalsePositive
            {
                Tld = entity.Tld,
                RegistrarId = entity.RegistrarId,
                Service = service,
                IncidentId = incidentId,
                FalsePositive = JsonRead.Bool(doc, "falsePositive", what) ?? throw JsonRead.Invalid(what, "'falsePositive' is missing"),
                UpdateTime = JsonRead.Epoch(doc, "updateTime", what),
                LastUpdated = JsonRead.Epoch(doc, "lastUpdateApiDatabase", what),
            };
        }
    }
}
