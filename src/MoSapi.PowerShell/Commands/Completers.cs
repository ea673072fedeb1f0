using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace MoSapi.Commands
{
    /// <summary>Completes -Tld from the connections of the runspace.</summary>
    public sealed class TldCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return ConnectionRegistry.Current.All
                .Where(c => c.Tld != null && c.Tld.StartsWith(prefix, System.StringComparison.OrdinalIgnoreCase))
                .Select(c => c.Tld!)
                .Distinct()
                .OrderBy(t => t, System.StringComparer.Ordinal)
                .Select(t => new CompletionResult(t, t, CompletionResultType.ParameterValue, "TLD " + t));
        }
    }

    /// <summary>Completes -RegistrarId from the connections of the runspace.</summary>
    public sealed class RegistrarIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return ConnectionRegistry.Current.All
                .Where(c => c.RegistrarId.HasValue)
                .Select(c => c.RegistrarId!.Value.ToString(CultureInfo.InvariantCulture))
                .Where(id => id.StartsWith(prefix, System.StringComparison.Ordinal))
                .Distinct()
                .OrderBy(id => id, System.StringComparer.Ordinal)
                .Select(id => new CompletionResult(id, id, CompletionResultType.ParameterValue, "Registrar " + id));
        }
    }
}
