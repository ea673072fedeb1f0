using System.Globalization;
using MoSapi.Simulator.Http;

namespace MoSapi.Simulator.Endpoints;

/// <summary>The 2011-2014 rules shared by incident (epoch seconds) and METRICA (YYYY-MM-DD) range queries.</summary>
public static class DateRangeValidation
{
    public const int MaxDays = 31;

    public static SimResponse BadStart(string value, string expected) => SimResponse.BadRequest(2013,
        "Invalid startDate", $"startDate '{Clip(value)}' is not a valid {expected}.");

    public static SimResponse BadEnd(string value, string expected) => SimResponse.BadRequest(2014,
        "Invalid endDate", $"endDate '{Clip(value)}' is not a valid {expected}.");

    public static SimResponse EndBeforeStart() => SimResponse.BadRequest(2012,
        "endDate is before startDate", "endDate must be the same as or later than startDate.");

    public static SimResponse TooLong() => SimResponse.BadRequest(2011,
        "Date range too long", $"The range between startDate and endDate must not exceed {MaxDays} days.");

    public static bool TryEpoch(string? text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    public static bool TryDate(string? text, out DateOnly value) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    /// <summary>Echoes only a short, printable prefix of the client's input.</summary>
    private static string Clip(string value)
    {
        var s = new string(value.Where(c => !char.IsControl(c)).Take(40).ToArray());
        return value.Length > 40 ? s + "..." : s;
    }
}
