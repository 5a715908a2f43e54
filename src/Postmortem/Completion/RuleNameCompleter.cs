using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using Postmortems.Rules;

namespace Postmortems.Commands.Completion
{
    /// <summary>Completes rule names for -Rule, -ExcludeRule and Get-PostmortemRule -Name, with each rule's description.</summary>
    internal sealed class RuleNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var pattern = new WildcardPattern((wordToComplete ?? string.Empty).Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
            foreach (var rule in PostmortemRules.All)
            {
                if (!pattern.IsMatch(rule.Name)) continue;
                yield return new CompletionResult(rule.Name, rule.Name, CompletionResultType.ParameterValue, $"{rule.DefaultSeverity}: {rule.Description}");
            }
        }
    }
}
