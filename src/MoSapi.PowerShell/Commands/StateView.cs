using System;
using System.Globalization;

namespace MoSapi.Commands
{
    /// <summary>Cell texts for the state table view, kept in C# so the view stays fast with hundreds of rows.</summary>
    public static class StateView
    {
        /// <summary>"Down 12.5%", "Up 0%", "Disabled", "Inc-nodata" — the status of one service in at most 13 characters.</summary>
        public static string Cell(MoSapiState state, string service)
        {
            if (state == null || !Enum.TryParse(service, true, out MoSapiService which))
            {
                return string.Empty;
            }

            var s = state[which];
            if (s == null)
            {
                return string.Empty;
            }

            var word = Abbreviate(s.Status);
            return s.EmergencyThreshold.HasValue
                ? word + " " + s.EmergencyThreshold.Value.ToString("0.#", CultureInfo.InvariantCulture) + "%"
                : word;
        }

        public static string Abbreviate(string status) => status switch
        {
            "Up-inconclusive-no-data" => "Inc-nodata",
            "Up-inconclusive-no-probes" => "Inc-noprobe",
            "Up-inconclusive-reconfig" => "Inc-reconf",
            "Up-inconclusive" => "Inconclusive",
            _ => status,
        };
    }
}
