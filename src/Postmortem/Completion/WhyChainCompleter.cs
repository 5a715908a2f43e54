using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Postmortems.Commands.Completion
{
    /// <summary>
    /// Completes -Chain with the names of the postmortem's why-chains: the one given as -Postmortem, or the variable at
    /// the head of the pipeline ($pm | Add-Why -Chain ...). Nothing to offer when neither is known yet.
    /// </summary>
    internal sealed class WhyChainCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var postmortem = Bound(fakeBoundParameters) ?? Piped(commandAst);
            if (postmortem is null) return Enumerable.Empty<CompletionResult>();
            var word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return postmortem.WhyChains
                .Where(c => c.Name.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .Select(c => new CompletionResult("'" + c.Name.Replace("'", "''") + "'", c.Name, CompletionResultType.ParameterValue,
                    $"{c.Name}: {c.Whys.Count} {(c.Whys.Count == 1 ? "why" : "whys")}"))
                .ToList();
        }

        private static Postmortem? Bound(IDictionary fakeBoundParameters)
        {
            foreach (var name in new[] { "Postmortem", "InputObject" })
            {
                if (fakeBoundParameters is not null && fakeBoundParameters.Contains(name) && Unwrap(fakeBoundParameters[name]) is Postmortem p) return p;
            }
            return null;
        }

        // The postmortem comes down the pipeline from a variable at its head; the Add-* and Set-* between pass it on.
        private static Postmortem? Piped(CommandAst commandAst)
        {
            if (commandAst.Parent is not PipelineAst pipeline || pipeline.PipelineElements.Count < 2 || pipeline.PipelineElements[0] == commandAst) return null;
            if (pipeline.PipelineElements[0] is not CommandExpressionAst { Expression: VariableExpressionAst variable } || variable.Splatted) return null;
            try
            {
                using var ps = PowerShell.Create(RunspaceMode.CurrentRunspace);
                var found = ps.AddCommand("Get-Variable").AddParameter("Name", variable.VariablePath.UserPath).AddParameter("ValueOnly").AddParameter("ErrorAction", "Ignore").Invoke();
                return found.Count == 1 ? Unwrap(found[0]) as Postmortem : null;
            }
            catch (Exception)
            {
                // Completion offers what it can; a variable it cannot read offers nothing.
                return null;
            }
        }

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
    }
}
