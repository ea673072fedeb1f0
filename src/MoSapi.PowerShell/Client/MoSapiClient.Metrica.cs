using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using MoSapi.Client.Json;

namespace MoSapi.Client
{
    /// <summary>Domain METRICA (formerly DAAR) reports, spec section 6.</summary>
    public static partial class MoSapiClient
    {
        public static async Task<MoSapiDaarReport> GetMetricaLatestAsync(MoSapiConnection connection, MoSapiCallContext context)
        {
            try
            {
                var (doc, response) = await GetJsonAsync(connection, MoSapiRoutes.MetricaLatest, null, "METRICA report", context).ConfigureAwait(false);
                return MetricaParser.ParseReport(doc, connection.Entity, response.LastModified);
            }
            catch (MoSapiException ex) when (ex.ErrorId == MoSapiErrorIds.NotFound)
            {
                throw MetricaNotFound(connection, ex, null, metricaEnabled: false);
            }
        }

        /// <summary>
        /// The reports of the given days, in the order given. A day without a report is a
        /// <see cref="MoSapiErrorIds.NotFound"/> in its slot, saying whether METRICA is likely off for the entity
        /// (the latest report is missing too) or only that day is missing; the other days are unaffected.
        /// </summary>
        public static async Task<IReadOnlyList<(DateTime Date, MoSapiDaarReport? Report, MoSapiException? Error)>> GetMetricaReportsAsync(
            MoSapiConnection connection, IReadOnlyList<DateTime> dates, MoSapiCallContext context)
        {
            var days = dates.Select(DayWindows.ToUtcDay).ToList();
            var tasks = days.Select(day => TryGetMetricaDayAsync(connection, day, context)).ToList();
            var results = new List<(DateTime, MoSapiDaarReport?, MoSapiException?)>();
            bool? enabled = null;
            for (var i = 0; i < days.Count; i++)
            {
                var (report, error) = await tasks[i].ConfigureAwait(false);
                if (error != null && error.ErrorId == MoSapiErrorIds.NotFound)
                {
                    // One probe of /latest per call tells the two 404s apart.
                    enabled ??= await MetricaLatestExistsAsync(connection, context).ConfigureAwait(false);
                    error = MetricaNotFound(connection, error, days[i], enabled.Value);
                }

                results.Add((days[i], report, error));
            }

            return results;
        }

        /// <summary>
        /// The reports available between two days (inclusive; either may be null for the service's default), split
        /// into 31-day windows and merged without duplicates, newest first as the service lists them.
        /// </summary>
        public static async Task<List<MoSapiDaarListEntry>> GetMetricaListAsync(MoSapiConnection connection, DateTime? start, DateTime? end, MoSapiCallContext context)
        {
            var from = start is { } s ? DayWindows.ToUtcDay(s) : (DateTime?)null;
            var to = end is { } e ? DayWindows.ToUtcDay(e) : (DateTime?)null;
            if (from != null && to != null && to < from)
            {
                throw new MoSapiException(MoSapiErrorIds.InvalidArgument, $"-End {MetricaDayText(to.Value)} is before -Start {MetricaDayText(from.Value)}. Give an end day on or after the start day.");
            }

            var queries = new List<string?>();
            if (from == null)
            {
                // Without a start the service picks the window; only an end can be passed on.
                queries.Add(to == null ? null : "endDate=" + MetricaDayText(to.Value));
            }
            else
            {
                foreach (var (a, b) in DayWindows.Split(from.Value, to ?? LaterDayOf(from.Value, DayWindows.TodayUtc)))
                {
                    queries.Add("startDate=" + MetricaDayText(a) + "&endDate=" + MetricaDayText(b));
                }
            }

            var tasks = queries.Select(async q =>
            {
                var (doc, _) = await GetJsonAsync(connection, MoSapiRoutes.MetricaLists, q, "METRICA report list", context).ConfigureAwait(false);
                return MetricaParser.ParseList(doc, connection.Entity);
            }).ToList();

            var merged = new SortedDictionary<DateTime, MoSapiDaarListEntry>(Comparer<DateTime>.Create((a, b) => b.CompareTo(a)));
            foreach (var task in tasks)
            {
                foreach (var entry in await task.ConfigureAwait(false))
                {
                    if (!merged.ContainsKey(entry.Date))
                    {
                        merged.Add(entry.Date, entry);
                    }
                }
            }

            return merged.Values.ToList();
        }

        private static async Task<(MoSapiDaarReport?, MoSapiException?)> TryGetMetricaDayAsync(MoSapiConnection connection, DateTime day, MoSapiCallContext context)
        {
            try
            {
                var (doc, response) = await GetJsonAsync(connection, MoSapiRoutes.MetricaDay(day), null, "METRICA report", context).ConfigureAwait(false);
                return (MetricaParser.ParseReport(doc, connection.Entity, response.LastModified), null);
            }
            catch (MoSapiException ex) when (ex.ErrorId == MoSapiErrorIds.NotFound || ex.ErrorId == MoSapiErrorIds.InvalidResponse || ex.ErrorId == MoSapiErrorIds.BadRequest)
            {
                ex.Entity ??= connection.Entity;
                return (null, ex);
            }
        }

        private static async Task<bool> MetricaLatestExistsAsync(MoSapiConnection connection, MoSapiCallContext context)
        {
            try
            {
                await GetAsync(connection, MoSapiRoutes.MetricaLatest, null, context).ConfigureAwait(false);
                return true;
            }
            catch (MoSapiException ex) when (ex.ErrorId == MoSapiErrorIds.NotFound)
            {
                return false;
            }
        }

        private static MoSapiException MetricaNotFound(MoSapiConnection connection, MoSapiException inner, DateTime? day, bool metricaEnabled)
        {
            var entity = connection.Entity;
            var message = metricaEnabled
                ? $"MoSAPI has no METRICA report of {MetricaDayText(day!.Value)} for {entity}. Run Get-MoSapiDaarReport -List to see the days that have one."
                : day == null
                    ? $"MoSAPI has no METRICA report for {entity}: Domain METRICA is most likely not enabled for it. Ask ICANN to enable it, or check that the report is generated for this {(entity.Kind == MoSapiEntityKind.Registry ? "TLD" : "registrar")}."
                    : $"MoSAPI has no METRICA report of {MetricaDayText(day.Value)} for {entity}, nor a latest one: Domain METRICA is most likely not enabled for it. Ask ICANN to enable it.";
            return new MoSapiException(MoSapiErrorIds.NotFound, message, inner)
            {
                StatusCode = inner.StatusCode,
                RequestPath = inner.RequestPath,
                Entity = entity,
            };
        }

        private static DateTime LaterDayOf(DateTime a, DateTime b) => a > b ? a : b;

        private static string MetricaDayText(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
