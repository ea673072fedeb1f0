using System;
using System.Globalization;

namespace MoSapi.Client
{
    /// <summary>
    /// Every MoSAPI path, in one place. Paths marked [chosen] in the project's API notes are not public and may have
    /// to be corrected when the official documentation or OT&amp;E says otherwise: this is the only file to edit.
    /// All paths are relative to the entity base <c>{host}/{ry|rr}/{id}/</c>.
    /// </summary>
    public static class MoSapiRoutes
    {
        public static readonly Uri Production = new Uri("https://mosapi.icann.org/");
        public static readonly Uri Ote = new Uri("https://mosapi-ote.icann.org/");

        /// <summary>The data version the module speaks.</summary>
        public const string Version = "v2";

        // Sessions are not versioned: /v2/login is a 404.
        public const string Login = "login";
        public const string Logout = "logout";

        public const string State = Version + "/monitoring/state";

        public static string Alarmed(string service) => $"{Version}/monitoring/{service}/alarmed";

        public static string Downtime(string service) => $"{Version}/monitoring/{service}/downtime";

        // [likely] path; query parameters [chosen]: startDate, endDate (epoch s), falsePositive, situation.
        public static string Incidents(string service) => $"{Version}/monitoring/{service}/incidents";

        // [chosen]
        public static string IncidentState(string service, string incidentId) =>
            $"{Version}/monitoring/{service}/incidents/{Escape(incidentId)}/state";

        // [likely]
        public static string IncidentFalsePositive(string service, string incidentId) =>
            $"{Version}/monitoring/{service}/incidents/{Escape(incidentId)}/falsePositive";

        // [chosen]
        public static string IncidentMeasurements(string service, string incidentId) =>
            $"{Version}/monitoring/{service}/incidents/{Escape(incidentId)}/measurements";

        // [chosen]
        public static string IncidentMeasurement(string service, string incidentId, string measurementId) =>
            $"{Version}/monitoring/{service}/incidents/{Escape(incidentId)}/{Escape(measurementId)}";

        public static string RecentMeasurements(string service) => $"{Version}/monitoring/{service}/measurements";

        public static string RecentMeasurementsYear(string service, int year) =>
            $"{RecentMeasurements(service)}/{Year(year)}";

        public static string RecentMeasurementsMonth(string service, int year, int month) =>
            $"{RecentMeasurementsYear(service, year)}/{Two(month)}";

        public static string RecentMeasurementsDay(string service, int year, int month, int day) =>
            $"{RecentMeasurementsMonth(service, year, month)}/{Two(day)}";

        public static string RecentMeasurement(string service, int year, int month, int day, string measurementId) =>
            $"{RecentMeasurementsDay(service, year, month, day)}/{Escape(measurementId)}";

        public const string MetricaLatest = Version + "/metrica/domainList/latest";

        public static string MetricaDay(DateTime date) =>
            $"{Version}/metrica/domainList/{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

        public const string MetricaLists = Version + "/metrica/domainLists";

        // Listing paths [chosen]; layout [firm].
        public const string Mtr = Version + "/networkTroubleshooting/mtr";

        public static string MtrYear(int year) => $"{Mtr}/{Year(year)}";

        public static string MtrMonth(int year, int month) => $"{MtrYear(year)}/{Two(month)}";

        public static string MtrDay(int year, int month, int day) => $"{MtrMonth(year, month)}/{Two(day)}";

        public static string MtrFile(int year, int month, int day, string fileName) =>
            $"{MtrDay(year, month, day)}/{Escape(fileName)}";

        /// <summary>The entity base, e.g. <c>https://mosapi.icann.org/ry/example/</c>.</summary>
        public static Uri EntityBase(Uri host, MoSapiEntity entity)
        {
            var root = host.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? host : new Uri(host.AbsoluteUri + "/");
            return new Uri(root, entity.PathSegment + "/");
        }

        private static string Escape(string segment) => Uri.EscapeDataString(segment);

        private static string Year(int year) => year.ToString("0000", CultureInfo.InvariantCulture);

        private static string Two(int value) => value.ToString("00", CultureInfo.InvariantCulture);
    }
}
