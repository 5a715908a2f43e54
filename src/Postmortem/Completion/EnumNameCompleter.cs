using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Postmortems.Commands.Completion
{
    /// <summary>Completes the names of an enum's values, each with a tooltip that says what it means.</summary>
    internal abstract class EnumNameCompleter<T> : IArgumentCompleter where T : struct, Enum
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            foreach (T value in Enum.GetValues(typeof(T)))
            {
                var name = value.ToString();
                if (!IsOffered(value) || !name.StartsWith(word, StringComparison.OrdinalIgnoreCase)) continue;
                yield return new CompletionResult(name, $"{name} - {Summarize(value)}", CompletionResultType.ParameterValue, $"{name}: {Describe(value)}");
            }
        }

        protected virtual bool IsOffered(T value) => true;

        /// <summary>The tooltip: what the value means.</summary>
        protected abstract string Describe(T value);

        /// <summary>The short form shown beside the name in a completion list.</summary>
        protected virtual string Summarize(T value) => Describe(value);
    }

    /// <summary>P1-P4 with the guide's Severity Guide criteria and response as the tooltip.</summary>
    internal sealed class SeverityCompleter : EnumNameCompleter<Severity>
    {
        protected override string Describe(Severity value) =>
            $"{SeverityGuide.Criteria[value]}. Response: {SeverityGuide.Response[value]}.";

        protected override string Summarize(Severity value) => SeverityGuide.Criteria[value];
    }

    /// <summary>The template's timeline rows.</summary>
    internal sealed class MilestoneCompleter : EnumNameCompleter<Milestone>
    {
        protected override bool IsOffered(Milestone value) => value != Milestone.None;

        protected override string Describe(Milestone value) => MilestoneGuide.Describe(value);
    }

    /// <summary>An action item's statuses, in the order an item passes them, each with what it asks for.</summary>
    internal sealed class ActionItemStatusCompleter : EnumNameCompleter<ActionItemStatus>
    {
        protected override string Describe(ActionItemStatus value) => value switch
        {
            ActionItemStatus.Open => "Still to do, not started.",
            ActionItemStatus.InProgress => "Still to do, being worked on; counts as open and can be overdue.",
            ActionItemStatus.Done => "Done: records the day, today (UTC) unless -DoneDate gives it.",
            ActionItemStatus.WontDo => "Decided against: give the reason with -Reason. Neither open nor overdue.",
            _ => value.ToString(),
        };

        protected override string Summarize(ActionItemStatus value) => ActionItemStatusText.Label(value);
    }

    /// <summary>The template's timeline rows, and None, which clears an event's milestone.</summary>
    internal sealed class MilestoneOrNoneCompleter : EnumNameCompleter<Milestone>
    {
        protected override string Describe(Milestone value) =>
            value == Milestone.None ? "No milestone: the event stays in the timeline and marks none of the template's rows." : MilestoneGuide.Describe(value);
    }
}
