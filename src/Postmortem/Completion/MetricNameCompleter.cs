using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Postmortems.Metrics;

namespace Postmortems.Commands.Completion
{
    /// <summary>Completes -Name of Get-PostmortemMetric with the four clocks and what each measures.</summary>
    internal sealed class MetricNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            foreach (var definition in MetricDefinition.Standard.Where(d => d.Name.StartsWith(word, StringComparison.OrdinalIgnoreCase)))
            {
                var tip = $"{definition.Name}: from {string.Join(" (else ", definition.From)}{(definition.From.Count > 1 ? ")" : "")} to {string.Join(" (else ", definition.To)}{(definition.To.Count > 1 ? ")" : "")}";
                yield return new CompletionResult(definition.Name, definition.Name, CompletionResultType.ParameterValue, tip);
            }
        }
    }
}
