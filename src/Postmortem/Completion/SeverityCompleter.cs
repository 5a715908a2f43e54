using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Postmortems.Commands.Completion
{
    /// <summary>Completes -Severity with P1-P4, each with the seed's criteria and response as the tooltip.</summary>
    internal sealed class SeverityCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            foreach (Severity severity in Enum.GetValues(typeof(Severity)))
            {
                var name = severity.ToString();
                if (!name.StartsWith(word, StringComparison.OrdinalIgnoreCase)) continue;
                var tooltip = $"{name}: {SeverityGuide.Criteria[severity]}. Response: {SeverityGuide.Response[severity]}.";
                yield return new CompletionResult(name, $"{name} - {SeverityGuide.Criteria[severity]}", CompletionResultType.ParameterValue, tooltip);
            }
        }
    }
}
