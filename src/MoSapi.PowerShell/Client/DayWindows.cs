using System;
using System.Collections.Generic;

namespace MoSapi.Client
{
    /// <summary>
    /// Calendar days (UTC) as METRICA and the mtr archive count them, and the 31-day windows a day range is split
    /// into because MoSAPI refuses longer ranges (resultCode 2011).
    /// </summary>
    internal static class DayWindows
    {
        public const int MaxDays = 31;

        /// <summary>
        /// The UTC day of a value a user typed. Unspecified (what [datetime]'2026-11-26' gives) and UTC values are
        /// taken as the day they name; a local time is a moment and is converted to UTC first.
        /// </summary>
        public static DateTime ToUtcDay(DateTime value)
        {
            return DateTime.SpecifyKind(UtcTime.From(value).Date, DateTimeKind.Utc);
        }

        public static DateTime TodayUtc => DateTime.SpecifyKind(DateTime.UtcNow.Date, DateTimeKind.Utc);

        /// <summary>Inclusive windows of at most <see cref="MaxDays"/> days covering start..end (inclusive).</summary>
        public static List<(DateTime Start, DateTime End)> Split(DateTime start, DateTime end)
        {
            var windows = new List<(DateTime, DateTime)>();
            for (var from = start; from <= end; from = from.AddDays(MaxDays))
            {
                var to = from.AddDays(MaxDays - 1);
                windows.Add((from, to < end ? to : end));
            }

            return windows;
        }

        /// <summary>Every day of start..end (inclusive).</summary>
        public static IEnumerable<DateTime> Days(DateTime start, DateTime end)
        {
            for (var day = start; day <= end; day = day.AddDays(1))
            {
                yield return day;
            }
        }
    }
}
