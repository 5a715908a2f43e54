using System;
using System.Globalization;
using System.Linq;

namespace Postmortems.Rules
{
    internal sealed class ActionItemComplete : PostmortemRule
    {
        public override string Name => nameof(ActionItemComplete);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;
        public override PostmortemSection Section => PostmortemSection.ActionItems;
        public override string Description =>
            "Each action item has an owner, a due date on or after the incident, and a priority P1-P3. The guide's table: \"| Action | Owner | Due Date | Priority |\".";

        internal override void Check(RuleContext context)
        {
            var p = context.Postmortem;
            for (int i = 0; i < p.ActionItems.Count; i++)
            {
                var item = p.ActionItems[i];
                var target = $"ActionItems[{i}]";
                if (item.Owner is null)
                {
                    context.Report(target, $"The action '{TimelineMilestones.Short(item.Action)}' has no owner.", "Give it a name or a team: Add-ActionItem ... -Owner platform.");
                }
                if (item.DueDate is not DateTime due)
                {
                    context.Report(target, $"The action '{TimelineMilestones.Short(item.Action)}' has no due date.", "Give it a date: -DueDate yyyy-mm-dd.");
                }
                else if (p.Date is DateTime incident && due < incident)
                {
                    context.Report(target,
                        $"The action '{TimelineMilestones.Short(item.Action)}' is due {due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, before the incident ({incident.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}).",
                        "Check the due date: it should fall on or after the incident's date.");
                }
                if (item.Priority is null)
                {
                    context.Report(target, $"The action '{TimelineMilestones.Short(item.Action)}' has no priority.", "Give it a priority: -Priority P1, P2 or P3.");
                }
            }
        }
    }

    internal sealed class VagueActionItem : PostmortemRule
    {
        public override string Name => nameof(VagueActionItem);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;
        public override PostmortemSection Section => PostmortemSection.ActionItems;
        public override string Description =>
            "Action items are specific changes, not intentions. The guide's Bad column: \"Be more careful when deploying\", \"Add more monitoring\", \"Improve communication\".";

        private const string GoodShape =
            "Name the system, the change and the threshold or step, as the guide's Good column does: \"Add --dry-run verification step to deploy runbook\", \"Add Grafana alert for OpenBao seal status with 5-minute threshold\", \"Add #incidents Slack channel to runbook as required notification step\".";

        internal static string? Find(RuleContext context, Words words) =>
            context.Phrases("VagueActionStarts").StartOf(words) ?? context.Phrases("VagueActionPhrases").FindIn(words);

        internal override void Check(RuleContext context)
        {
            var items = context.Postmortem.ActionItems;
            for (int i = 0; i < items.Count; i++)
            {
                var words = Words.Of(items[i].Action);
                var start = context.Phrases("VagueActionStarts").StartOf(words);
                var phrase = start ?? context.Phrases("VagueActionPhrases").FindIn(words);
                if (phrase is null) continue;
                var message = start is not null
                    ? $"The action '{TimelineMilestones.Short(items[i].Action)}' starts with '{start}': it describes work to decide a change, not the change."
                    : $"The action '{TimelineMilestones.Short(items[i].Action)}' is vague ('{phrase}').";
                context.Report($"ActionItems[{i}]", message, GoodShape);
            }
        }
    }

    internal sealed class ActionItemImperative : PostmortemRule
    {
        private static readonly string[] PassiveMarkers = { "should be", "will be", "needs to be", "need to be", "must be", "has to be", "to be", "should", "will", "must" };
        private static readonly PhraseList Passive = new PhraseList(PassiveMarkers);

        public override string Name => nameof(ActionItemImperative);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;
        public override PostmortemSection Section => PostmortemSection.ActionItems;
        public override string Description =>
            "Action items start with an imperative verb, in the active voice. The guide: \"Action items use active voice: 'Add X', 'Update Y', 'Remove Z'\".";

        internal override void Check(RuleContext context)
        {
            var items = context.Postmortem.ActionItems;
            var verbs = context.Phrases("ImperativeVerbs");
            for (int i = 0; i < items.Count; i++)
            {
                var words = Words.Of(items[i].Action);
                // A vague action ("Be more careful", "Investigate ...") is VagueActionItem's to report, once.
                if (verbs.StartOf(words) is not null || VagueActionItem.Find(context, words) is not null) continue;
                var passive = Passive.FindIn(words);
                var message = passive is not null
                    ? $"The action '{TimelineMilestones.Short(items[i].Action)}' is in the passive voice ('{passive}')."
                    : $"The action '{TimelineMilestones.Short(items[i].Action)}' does not start with a verb that says what to do ('{words.First}').";
                context.Report($"ActionItems[{i}]", message, "Start with the change, in the active voice: \"Add X\", \"Update Y\", \"Remove Z\".");
            }
        }
    }

    internal sealed class ActionItemTargetsPerson : PostmortemRule
    {
        public override string Name => nameof(ActionItemTargetsPerson);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;
        public override PostmortemSection Section => PostmortemSection.ActionItems;
        public override string Description =>
            "Action items change systems and processes, not people. The guide: \"Action items must address systems and processes, not individuals.\"";

        internal override void Check(RuleContext context)
        {
            var items = context.Postmortem.ActionItems;
            for (int i = 0; i < items.Count; i++)
            {
                var words = Words.Of(items[i].Action);
                var found = context.Phrases("IndividualActionStarts").StartOf(words)
                            ?? context.Phrases("IndividualActionPhrases").FindIn(words)
                            ?? PersonWithModal(context, words);
                if (found is null) continue;
                context.Report($"ActionItems[{i}]", $"The action '{TimelineMilestones.Short(items[i].Action)}' addresses a person ('{found}'), not a system or process.",
                    "Change what let the mistake cause harm: a guard, a check, an alert or a runbook step, for example \"Add a confirmation prompt to the production deploy script\".");
            }
        }

        // "John should double-check ...", "The engineer must ..."
        private static string? PersonWithModal(RuleContext context, Words words)
        {
            var subject = Blame.PersonSubject(context, words);
            if (subject is null) return null;
            int after = Words.Of(subject).Tokens.Count;
            var rest = words.Tokens.SkipWhile(t => t is "the" or "a" or "an" or "our").Skip(after).FirstOrDefault();
            return rest is "should" or "must" or "needs" or "has" or "will" or "shall" ? $"{subject} {rest}" : null;
        }
    }
}
