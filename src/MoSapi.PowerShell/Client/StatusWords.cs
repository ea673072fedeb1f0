using System;
using System.Collections.Generic;

namespace MoSapi.Client
{
    /// <summary>
    /// The service writes status words in varying case (Up-inconclusive-no-data vs UP-inconclusive-no-data), so every
    /// known word is mapped to one spelling; an unknown word is passed through unchanged rather than rejected.
    /// </summary>
    internal static class StatusWords
    {
        private static readonly Dictionary<string, string> Canonical = Build(
            "Up", "Down", "Disabled", "Up-inconclusive", "Up-inconclusive-no-data", "Up-inconclusive-no-probes",
            "Up-inconclusive-reconfig", "Offline", "No result", "Active", "Resolved", "Yes", "No");

        public static string Normalize(string? word)
        {
            if (word == null)
            {
                return string.Empty;
            }

            var trimmed = word.Trim();
            return Canonical.TryGetValue(trimmed, out var canonical) ? canonical : trimmed;
        }

        private static Dictionary<string, string> Build(params string[] words)
        {
            var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var w in words)
            {
                map[w] = w;
            }

            return map;
        }
    }
}
