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

    internal sealed class ActionItemDueByPriority : PostmortemRule
    {
        public override string Name => nameof(ActionItemDueByPriority);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;
        public override PostmortemSection Section => PostmortemSection.ActionItems;
        public override string Description =>
            "An action item still to do is due within the days its priority allows from the incident (ActionItemDueDays: P1 28, P2 56, P3 84 unless the settings change them). The guide's table pairs the two, \"| Due Date | Priority |\", but sets no time; P1 and P2 are Atlassian's 4 and 8 weeks.";

        internal override void Check(RuleContext context)
        {
            var p = context.Postmortem;
            if (p.Date is not DateTime incident) return;
            var policy = context.Settings.DuePolicy;
            for (int i = 0; i < p.ActionItems.Count; i++)
            {
                var item = p.ActionItems[i];
                // Done or decided against: the time it took is history, not a commitment.
                if (!item.IsOpen || item.DueDate is not DateTime due || item.Priority is not ActionPriority priority) continue;
                var latest = policy.LatestDueDate(incident, priority);
                if (due <= latest) continue;
                int days = policy.DaysFor(priority);
                context.Report($"ActionItems[{i}]",
                    $"The {priority} action '{TimelineMilestones.Short(item.Action)}' is due {Day(due)}, {(due - incident).Days} days after the incident ({Day(incident)}); a {priority} item is due within {days} days, by {Day(latest)}.",
                    $"Bring the due date forward to {Day(latest)} or earlier, or lower the priority if it can wait; a team that allows longer sets ActionItemDueDays = @{{ {priority} = {(due - incident).Days} }} in its settings file.");
            }
        }

        private static string Day(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
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

        internal override void Check(RuleContext context)
        {
            var items = context.Postmortem.ActionItems;
            for (int i = 0; i < items.Count; i++)
            {
                if (VagueAction.Judge(context, items[i].Action) is not (VagueKind kind, string phrase)) continue;
                context.Report($"ActionItems[{i}]", VagueAction.Message(TimelineMilestones.Short(items[i].Action), kind, phrase), GoodShape);
            }
        }
    }

    internal sealed class ActionItemImperative : PostmortemRule
    {
        private const string GoodShape = "as the guide's Good column does: \"Add --dry-run verification step to deploy runbook\"";

        public override string Name => nameof(ActionItemImperative);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;
        public override PostmortemSection Section => PostmortemSection.ActionItems;
        public override string Description =>
            "Action items start with an imperative verb (any English verb, from a word list derived from WordNet 3.0), in the active voice, not a noun phrase. The guide: \"Action items use active voice: 'Add X', 'Update Y', 'Remove Z'\".";

        internal override void Check(RuleContext context)
        {
            var items = context.Postmortem.ActionItems;
            var teamVerbs = context.Phrases("ImperativeVerbs");
            var lexicon = VerbLexicon.English;
            for (int i = 0; i < items.Count; i++)
            {
                // A vague action ("Be more careful", "Investigate ...") is VagueActionItem's to report, once.
                if (VagueAction.Judge(context, items[i].Action) is not null) continue;
                var shape = ActionShape.Of(items[i].Action, lexicon, words => teamVerbs.StartOf(words) is not null,
                    word => context.Settings.IsRemoved("ImperativeVerbs", word));
                var action = TimelineMilestones.Short(items[i].Action);
                var verb = shape.Verb is null ? null : char.ToUpperInvariant(shape.Verb[0]) + shape.Verb.Substring(1);
                switch (shape.Form)
                {
                    case ActionForm.NounPhrase:
                        context.Report($"ActionItems[{i}]",
                            $"The action '{action}' is a noun phrase ('{shape.Phrase}'): it names a change but no verb says what to do.",
                            verb is null ? $"Start with the verb that makes the change, {GoodShape}." : $"Start with the verb: \"{verb} ...\", {GoodShape}.");
                        break;
                    case ActionForm.Passive:
                        context.Report($"ActionItems[{i}]",
                            $"The action '{action}' is in the passive voice ('{shape.Phrase}').",
                            $"Start with the verb, in the active voice: \"{verb} ...\", {GoodShape}.");
                        break;
                    case ActionForm.NoVerb:
                        context.Report($"ActionItems[{i}]",
                            $"The action '{action}' does not start with a verb that says what to do ('{shape.Head}').",
                            verb is null ? $"Start with the change, in the active voice: \"Add X\", \"Update Y\", \"Remove Z\"." : $"Start with the verb: \"{verb} ...\", {GoodShape}.");
                        break;
                }
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
