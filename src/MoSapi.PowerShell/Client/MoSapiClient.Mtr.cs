using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using MoSapi.Client.Json;

namespace MoSapi.Client
{
    /// <summary>Network troubleshooting: the mtr archive of the probe network, spec section 7.</summary>
    public static partial class MoSapiClient
    {
        private const string MtrListingWhat = "mtr archive listing";

        /// <summary>The newest day of the archive (UTC), found by walking years, months and days; null when empty.</summary>
        public static async Task<DateTime?> GetMtrLatestDayAsync(MoSapiConnection connection, MoSapiCallContext context)
        {
            var years = await MtrListingAsync(connection, MoSapiRoutes.Mtr, "years", context).ConfigureAwait(false);
            foreach (var year in Descending(years, 1, 9999))
            {
                var months = await MtrListingAsync(connection, MoSapiRoutes.MtrYear(year), "months", context).ConfigureAwait(false);
                foreach (var month in Descending(months, 1, 12))
                {
                    var days = await MtrListingAsync(connection, MoSapiRoutes.MtrMonth(year, month), "days", context).ConfigureAwait(false);
                    foreach (var day in Descending(days, 1, DateTime.DaysInMonth(year, month)))
                    {
                        return new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc);
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// The report files of one day. Names that do not follow the documented pattern cannot be filtered or
        /// attributed, so they are left out and reported through <paramref name="skipped"/>.
        /// </summary>
        public static async Task<List<MtrFileName>> ListMtrFilesAsync(MoSapiConnection connection, DateTime day, Action<string>? skipped, MoSapiCallContext context)
        {
            var d = DayWindows.ToUtcDay(day);
            List<string> names;
            try
            {
                names = await MtrListingAsync(connection, MoSapiRoutes.MtrDay(d.Year, d.Month, d.Day), "reports", context).ConfigureAwait(false);
            }
            catch (MoSapiException ex) when (ex.ErrorId == MoSapiErrorIds.NotFound)
            {
                throw new MoSapiException(
                    MoSapiErrorIds.NotFound,
                    $"MoSAPI has no mtr reports of {d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} for {connection.Entity}. The archive keeps recent days only; run Get-MoSapiMtrReport without -Date for the newest day.",
                    ex)
                {
                    StatusCode = ex.StatusCode,
                    RequestPath = ex.RequestPath,
                    Entity = connection.Entity,
                };
            }

            var files = new List<MtrFileName>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in names)
            {
                if (!seen.Add(name))
                {
                    continue;
                }

                if (MtrFileName.TryParse(name, out var parsed))
                {
                    files.Add(parsed!);
                }
                else
                {
                    skipped?.Invoke(name);
                }
            }

            return files;
        }

        /// <summary>Downloads, decompresses and parses one report; also returns the decompressed JSON for saving.</summary>
        public static async Task<(MoSapiMtrReport Report, byte[] Json)> GetMtrReportAsync(MoSapiConnection connection, DateTime day, MtrFileName file, MoSapiCallContext context)
        {
            var d = DayWindows.ToUtcDay(day);
            var route = MoSapiRoutes.MtrFile(d.Year, d.Month, d.Day, file.FileName);
            var what = MtrParser.What(file.FileName);
            try
            {
                var response = await GetAsync(connection, route, null, context).ConfigureAwait(false);
                var json = GzipContent.Gunzip(response.Body, 0, response.BodyLength, what);
                return (MtrParser.ParseReport(json, file, connection.Entity), json);
            }
            catch (MoSapiException ex) when (ex.ErrorId == MoSapiErrorIds.NotFound)
            {
                throw new MoSapiException(MoSapiErrorIds.NotFound, $"MoSAPI no longer has the mtr report '{file.FileName}' for {connection.Entity}. List the day again; the archive may have rotated.", ex)
                {
                    StatusCode = ex.StatusCode,
                    RequestPath = route,
                    Entity = connection.Entity,
                };
            }
            catch (MoSapiException ex)
            {
                ex.Entity ??= connection.Entity;
                ex.RequestPath ??= route;
                throw;
            }
        }

        internal static MoSapiMtrFile ToMtrFile(MtrFileName file, DateTime day, MoSapiEntity entity) => new MoSapiMtrFile
        {
            Tld = entity.Tld,
            RegistrarId = entity.RegistrarId,
            Date = DayWindows.ToUtcDay(day),
            FileName = file.FileName,
            Probe = file.Probe,
            TargetIp = file.TargetIp.ToString(),
            CycleTime = file.CycleTime,
            RunTime = file.RunTime,
        };

        private static async Task<List<string>> MtrListingAsync(MoSapiConnection connection, string route, string name, MoSapiCallContext context)
        {
            var (doc, _) = await GetJsonAsync(connection, route, null, MtrListingWhat, context).ConfigureAwait(false);
            return MtrParser.ParseListing(doc, name, MtrListingWhat);
        }

        private static IEnumerable<int> Descending(IEnumerable<string> values, int min, int max) =>
            values.Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1)
                .Where(n => n >= min && n <= max)
                .Distinct()
                .OrderByDescending(n => n);
    }
}
