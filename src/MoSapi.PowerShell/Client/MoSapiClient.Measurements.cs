using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using MoSapi.Client.Json;

namespace MoSapi.Client
{
    /// <summary>Measurements of incidents (spec 4.7, 4.8) and the recent-measurements tree (4.9).</summary>
    public static partial class MoSapiClient
    {
        public static async Task<List<MoSapiMeasurementInfo>> GetIncidentMeasurementsAsync(MoSapiConnection connection, MoSapiService service, string incidentId, MoSapiCallContext context)
        {
            try
            {
                var (doc, _) = await GetJsonAsync(connection, MoSapiRoutes.IncidentMeasurements(service.ToUrlSegment(), incidentId), null, "measurement list", context).ConfigureAwait(false);
                return MeasurementParser.ParseIncidentList(doc, connection.Entity, service, incidentId);
            }
            catch (MoSapiException ex) when (ex.ErrorId == MoSapiErrorIds.NotFound)
            {
                throw UnknownIncident(connection, service, incidentId, ex);
            }
        }

        public static async Task<MoSapiMeasurement> GetIncidentMeasurementAsync(MoSapiConnection connection, MoSapiService service, string incidentId, string measurementId, MoSapiCallContext context)
        {
            var id = MeasurementParser.StripJson(measurementId);
            try
            {
                return await GetMeasurementDocumentAsync(connection, MoSapiRoutes.IncidentMeasurement(service.ToUrlSegment(), incidentId, id), service, id, incidentId, context).ConfigureAwait(false);
            }
            catch (MoSapiException ex) when (ex.ErrorId == MoSapiErrorIds.NotFound)
            {
                throw NotFound(connection, ex, $"MoSAPI knows no measurement '{id}' of {service.ToUrlSegment()} incident '{incidentId}' for {connection.Entity}. List the incident's measurements with Get-MoSapiMeasurement -Service {service} -IncidentId {incidentId}.");
            }
        }

        /// <summary>
        /// The ids of the recent measurements whose cycle starts within [start, end] (inclusive), oldest first, found by
        /// walking years → months → days → ids and reading only the branches that overlap the range.
        /// </summary>
        public static async Task<List<MoSapiMeasurementInfo>> GetRecentMeasurementIdsAsync(MoSapiConnection connection, MoSapiService service, DateTimeOffset start, DateTimeOffset end, MoSapiCallContext context)
        {
            var s = service.ToUrlSegment();
            var first = start.UtcDateTime.Date;
            var last = end.UtcDateTime.Date;
            var found = new List<MoSapiMeasurementInfo>();

            List<string> years;
            try
            {
                var (doc, _) = await GetJsonAsync(connection, MoSapiRoutes.RecentMeasurements(s), null, "measurement listing", context).ConfigureAwait(false);
                years = MeasurementParser.ParseListing(doc, "years");
            }
            catch (MoSapiException ex) when (ex.ErrorId == MoSapiErrorIds.NotFound)
            {
                throw NotFound(connection, ex, $"MoSAPI has no recent {s} measurements for {connection.Entity} (404). Check that {s} is monitored for {connection.Entity} (Get-MoSapiState).");
            }

            foreach (var year in years)
            {
                if (!TryNumber(year, out var y) || y < first.Year || y > last.Year)
                {
                    continue;
                }

                foreach (var month in await ListingAsync(connection, MoSapiRoutes.RecentMeasurementsYear(s, y), "months", context).ConfigureAwait(false))
                {
                    if (!TryNumber(month, out var mo) || mo < 1 || mo > 12 || new DateTime(y, mo, 1) > last || new DateTime(y, mo, 1).AddMonths(1) <= first)
                    {
                        continue;
                    }

                    foreach (var day in await ListingAsync(connection, MoSapiRoutes.RecentMeasurementsMonth(s, y, mo), "days", context).ConfigureAwait(false))
                    {
                        if (!TryNumber(day, out var d) || d < 1 || d > DateTime.DaysInMonth(y, mo) || new DateTime(y, mo, d) < first || new DateTime(y, mo, d) > last)
                        {
                            continue;
                        }

                        foreach (var id in await ListingAsync(connection, MoSapiRoutes.RecentMeasurementsDay(s, y, mo, d), "measurements", context).ConfigureAwait(false))
                        {
                            var cycle = MeasurementParser.CycleOf(id);
                            if (cycle.HasValue && (cycle.Value < start || cycle.Value > end))
                            {
                                continue;
                            }

                            found.Add(new MoSapiMeasurementInfo
                            {
                                Tld = connection.Entity.Tld,
                                RegistrarId = connection.Entity.RegistrarId,
                                Service = service,
                                MeasurementId = id,
                                CycleTime = cycle,
                            });
                        }
                    }
                }
            }

            return found
                .OrderBy(i => i.CycleTime ?? DateTimeOffset.MinValue)
                .ThenBy(i => i.MeasurementId, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>A recent measurement document; its day in the tree is the UTC day of the cycle the id starts with.</summary>
        public static async Task<MoSapiMeasurement> GetRecentMeasurementAsync(MoSapiConnection connection, MoSapiService service, string measurementId, MoSapiCallContext context)
        {
            var id = MeasurementParser.StripJson(measurementId);
            var cycle = MeasurementParser.CycleOf(id) ?? throw new MoSapiException(
                MoSapiErrorIds.InvalidArgument,
                $"'{measurementId}' is not a measurement id (they start with the epoch second of their cycle, e.g. 1764201600). Take the ids from Get-MoSapiMeasurement -Service {service} -Date <day>.");
            var day = cycle.UtcDateTime;
            try
            {
                var route = MoSapiRoutes.RecentMeasurement(service.ToUrlSegment(), day.Year, day.Month, day.Day, id);
                return await GetMeasurementDocumentAsync(connection, route, service, id, null, context).ConfigureAwait(false);
            }
            catch (MoSapiException ex) when (ex.ErrorId == MoSapiErrorIds.NotFound)
            {
                throw NotFound(connection, ex, $"MoSAPI has no recent {service.ToUrlSegment()} measurement '{id}' for {connection.Entity}. Recent measurements are kept for about two months; list them with Get-MoSapiMeasurement -Service {service} -Date {day:yyyy-MM-dd}.");
            }
        }

        /// <summary>A measurement document read from the response body as it streams through the parser (no JToken tree).</summary>
        private static async Task<MoSapiMeasurement> GetMeasurementDocumentAsync(MoSapiConnection connection, string route, MoSapiService service, string id, string? incidentId, MoSapiCallContext context)
        {
            var response = await GetAsync(connection, route, null, context).ConfigureAwait(false);
            try
            {
                return MeasurementParser.ParseMeasurement(response.Body, 0, response.BodyLength, connection.Entity, service, id, incidentId);
            }
            catch (MoSapiException ex)
            {
                ex.Entity ??= connection.Entity;
                ex.RequestPath ??= route;
                throw;
            }
        }

        private static async Task<List<string>> ListingAsync(MoSapiConnection connection, string route, string name, MoSapiCallContext context)
        {
            try
            {
                var (doc, _) = await GetJsonAsync(connection, route, null, "measurement listing", context).ConfigureAwait(false);
                return MeasurementParser.ParseListing(doc, name);
            }
            catch (MoSapiException ex) when (ex.ErrorId == MoSapiErrorIds.NotFound)
            {
                // A branch that has aged out between two listings is simply empty.
                return new List<string>();
            }
        }

        private static bool TryNumber(string text, out int value) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
