using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using MoSapi.Client.Json;

namespace MoSapi.Client
{
    /// <summary>Alarms, downtime, incidents and false-positive flags (spec 4.2-4.6).</summary>
    public static partial class MoSapiClient
    {
        /// <summary>The alarm status; a 404 means the service is not monitored and becomes Alarmed = Disabled.</summary>
        public static async Task<MoSapiAlarm> GetAlarmAsync(MoSapiConnection connection, MoSapiService service, MoSapiCallContext context)
        {
            try
            {
                var (doc, _) = await GetJsonAsync(connection, MoSapiRoutes.Alarmed(service.ToUrlSegment()), null, "alarm document", context).ConfigureAwait(false);
                return MonitoringParser.ParseAlarm(doc, connection.Entity, service);
            }
            catch (MoSapiException ex) when (ex.ErrorId == MoSapiErrorIds.NotFound)
            {
                return MonitoringParser.DisabledAlarm(connection.Entity, service);
            }
        }

        /// <summary>Minutes of downtime in the rolling week; a 404 (not monitored) becomes a Disabled result.</summary>
        public static async Task<MoSapiDowntime> GetDowntimeAsync(MoSapiConnection connection, MoSapiService service, MoSapiCallContext context)
        {
            try
            {
                var (doc, _) = await GetJsonAsync(connection, MoSapiRoutes.Downtime(service.ToUrlSegment()), null, "downtime document", context).ConfigureAwait(false);
                return MonitoringParser.ParseDowntime(doc, connection.Entity, service);
            }
            catch (MoSapiException ex) when (ex.ErrorId == MoSapiErrorIds.NotFound)
            {
                return MonitoringParser.DisabledDowntime(connection.Entity, service);
            }
        }

        /// <summary>One request of the incident list: the range must already be at most 31 days.</summary>
        public static async Task<List<MoSapiIncident>> GetIncidentsAsync(MoSapiConnection connection, MoSapiService service, IncidentQuery query, MoSapiCallContext context)
        {
            var (doc, _) = await GetJsonAsync(connection, MoSapiRoutes.Incidents(service.ToUrlSegment()), query.ToQueryString(), "incident list", context).ConfigureAwait(false);
            return MonitoringParser.ParseIncidents(doc, connection.Entity, service);
        }

        /// <summary>
        /// The incident list over any range: split into 31-day windows that are fetched concurrently (the connection
        /// bounds requests in flight), merged without duplicates (an incident spanning two windows is listed by both)
        /// and sorted newest first. <paramref name="progress"/> hears (windows done, windows) when there is more than one.
        /// </summary>
        public static async Task<List<MoSapiIncident>> GetIncidentsInRangeAsync(MoSapiConnection connection, MoSapiService service, IncidentQuery query, Action<int, int>? progress, MoSapiCallContext context)
        {
            if (query.Start == null)
            {
                // Without a start the server picks the range (the rolling week): one request.
                return await GetIncidentsAsync(connection, service, query, context).ConfigureAwait(false);
            }

            var end = query.End ?? DateTimeOffset.UtcNow;
            var windows = DateRangeSplitter.Split(query.Start.Value, end);
            if (windows.Count == 1)
            {
                return await GetIncidentsAsync(connection, service, query.WithRange(windows[0].Start, windows[0].End), context).ConfigureAwait(false);
            }

            var done = 0;
            progress?.Invoke(0, windows.Count);
            var tasks = windows.Select(async w =>
            {
                var list = await GetIncidentsAsync(connection, service, query.WithRange(w.Start, w.End), context).ConfigureAwait(false);
                progress?.Invoke(System.Threading.Interlocked.Increment(ref done), windows.Count);
                return list;
            }).ToList();
            var lists = await Task.WhenAll(tasks).ConfigureAwait(false);
            return Merge(lists);
        }

        internal static List<MoSapiIncident> Merge(IEnumerable<IEnumerable<MoSapiIncident>> lists)
        {
            var byId = new Dictionary<string, MoSapiIncident>(StringComparer.Ordinal);
            foreach (var list in lists)
            {
                foreach (var incident in list)
                {
                    // The later window saw the incident more recently (e.g. resolved meanwhile): keep that view.
                    byId[incident.IncidentId] = incident;
                }
            }

            // Newest first, as the service lists them within one window.
            return byId.Values
                .OrderByDescending(i => i.StartTime)
                .ThenByDescending(i => i.IncidentId, StringComparer.Ordinal)
                .ToList();
        }

        public static async Task<MoSapiIncident> GetIncidentAsync(MoSapiConnection connection, MoSapiService service, string incidentId, MoSapiCallContext context)
        {
            try
            {
                var (doc, _) = await GetJsonAsync(connection, MoSapiRoutes.IncidentState(service.ToUrlSegment(), incidentId), null, "incident state", context).ConfigureAwait(false);
                var list = MonitoringParser.ParseIncidents(doc, connection.Entity, service);
                if (list.Count == 0)
                {
                    throw UnknownIncident(connection, service, incidentId, null);
                }

                return list[0];
            }
            catch (MoSapiException ex) when (ex.ErrorId == MoSapiErrorIds.NotFound)
            {
                throw UnknownIncident(connection, service, incidentId, ex);
            }
        }

        public static async Task<MoSapiFalsePositive> GetFalsePositiveAsync(MoSapiConnection connection, MoSapiService service, string incidentId, MoSapiCallContext context)
        {
            try
            {
                var (doc, _) = await GetJsonAsync(connection, MoSapiRoutes.IncidentFalsePositive(service.ToUrlSegment(), incidentId), null, "false-positive document", context).ConfigureAwait(false);
                return MonitoringParser.ParseFalsePositive(doc, connection.Entity, service, incidentId);
            }
            catch (MoSapiException ex) when (ex.ErrorId == MoSapiErrorIds.NotFound)
            {
                throw UnknownIncident(connection, service, incidentId, ex);
            }
        }

        internal static MoSapiException UnknownIncident(MoSapiConnection connection, MoSapiService service, string incidentId, MoSapiException? inner) =>
            NotFound(
                connection,
                inner,
                $"MoSAPI knows no {service.ToUrlSegment()} incident '{incidentId}' for {connection.Entity}. List the incidents with Get-MoSapiIncident -Service {service} (add -Start for incidents older than a week).");

        internal static MoSapiException NotFound(MoSapiConnection connection, MoSapiException? inner, string message) =>
            new MoSapiException(MoSapiErrorIds.NotFound, message, inner)
            {
                StatusCode = inner?.StatusCode ?? 404,
                Entity = connection.Entity,
                RequestPath = inner?.RequestPath,
            };
    }

    /// <summary>The filters of an incident list (spec 4.4). Dates are sent as epoch seconds.</summary>
    public sealed class IncidentQuery
    {
        public DateTimeOffset? Start { get; set; }

        public DateTimeOffset? End { get; set; }

        public bool? FalsePositive { get; set; }

        /// <summary>Active or Resolved.</summary>
        public string? Situation { get; set; }

        public IncidentQuery WithRange(DateTimeOffset start, DateTimeOffset end) =>
            new IncidentQuery { Start = start, End = end, FalsePositive = FalsePositive, Situation = Situation };

        public string? ToQueryString()
        {
            var parts = new List<string>();
            if (Start is { } s)
            {
                parts.Add("startDate=" + s.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            }

            if (End is { } e)
            {
                parts.Add("endDate=" + e.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            }

            if (FalsePositive is { } fp)
            {
                parts.Add("falsePositive=" + (fp ? "true" : "false"));
            }

            if (!string.IsNullOrEmpty(Situation))
            {
                parts.Add("situation=" + Uri.EscapeDataString(Situation!.ToLowerInvariant()));
            }

            return parts.Count == 0 ? null : string.Join("&", parts);
        }
    }
}
