using System.Linq;
using System;
using System.Collections.Generic;
using System.Globalization;

namespace Postmortems.Rules
{
    internal sealed class RequiredSection : PostmortemRule
    {
        public override string Name => nameof(RequiredSection);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;
        public override PostmortemSection Section => PostmortemSection.Header;
        public override string Description =>
            "Every section of the guide's Document Template is written: \"Date\", \"Severity\", \"Status\", \"Author(s)\", \"Executive Summary\", \"Timeline\", \"Impact\", \"Root Cause\", \"Action Items\", \"Lessons Learned\"; and every section the team's settings file declares Required.";

        internal override void Check(RuleContext context)
        {
            var p = context.Postmortem;
            if (p.Date is null) context.Report(PostmortemSection.Header, "Date", "The incident's date is not set.", "Set-Postmortem -Date 2026-11-20 (the day the incident started, YYYY-MM-DD).");
            if (p.Severity is null) context.Report(PostmortemSection.Header, "Severity", "The severity is not set.", "Set-Postmortem -Severity P1..P4, using the Severity Guide (tab-complete -Severity to see it).");
            if (p.Status is null) context.Report(PostmortemSection.Header, "Status", "The status is not set.", "Set-Postmortem -Status Resolved (or Ongoing).");
            if (p.Authors.Count == 0) context.Report(PostmortemSection.Header, "Authors", "No author is named.", "Set-Postmortem -Author 'your name or team'.");
            if (p.ExecutiveSummary is null) context.Report(PostmortemSection.ExecutiveSummary, "ExecutiveSummary", "The executive summary is not written.", "2-3 sentences for non-technical readers: what broke, for how long, and the user or business impact.");
            if (p.Timeline.Count == 0) context.Report(PostmortemSection.Timeline, "Timeline", "The timeline is empty.", "Add-TimelineEvent for at least the first symptom, detection, mitigation and resolution.");
            if (p.Impact.IsEmpty) context.Report(PostmortemSection.Impact, "Impact", "The impact is not written.", "Set-Postmortem -ServicesAffected ... -UsersAffected ... -DataLoss $false.");
            else if (p.Impact.UsersAffected is null) context.Report(PostmortemSection.Impact, "Impact.UsersAffected", "The impact does not say who was affected.", "Set-Postmortem -UsersAffected 'about 3,100 customers' (a number, \"all users\", or \"internal only\").");
            if (p.RootCause is null) context.Report(PostmortemSection.RootCause, "RootCause", "The root cause is not written.", "1-2 paragraphs on the technical cause and the condition that made it possible; Add-Why builds the 5-whys chain behind it.");
            if (p.ActionItems.Count == 0) context.Report(PostmortemSection.ActionItems, "ActionItems", "There are no action items.", "Add-ActionItem -Action 'Add ...' -Owner team -DueDate yyyy-mm-dd -Priority P2.");
            if (p.LessonsLearned is null) context.Report(PostmortemSection.LessonsLearned, "LessonsLearned", "The lessons learned are not written.", "2-3 sentences on the insight that will change how things are done.");
            // The sections the team's settings file requires.
            foreach (var declared in context.Settings.Sections.Where(d => d.Required))
            {
                if (p.Sections[declared.Name] is not null) continue;
                context.Report(declared.After, $"Sections['{declared.Name}']", $"The section '{declared.Name}', which the team's settings require, is not written.",
                    (declared.Prompt is null ? "" : declared.Prompt + " ") + $"Set-Postmortem -Section @{{ '{declared.Name}' = '...' }}.");
            }
        }
    }

    internal sealed class ReviewersInWorkContext : PostmortemRule
    {
        public override string Name => nameof(ReviewersInWorkContext);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;
        public override PostmortemSection Section => PostmortemSection.Header;
        public override string Description =>
            "A work postmortem names its reviewers. The guide: \"Reviewers: [names — work context]\"; \"have someone else read it in work contexts; fresh eyes catch gaps\".";

        internal override void Check(RuleContext context)
        {
            var p = context.Postmortem;
            if (p.Context == IncidentContext.Work && p.Reviewers.Count == 0)
            {
                context.Report("Reviewers", "A work postmortem has no reviewer.", "Set-Postmortem -Reviewer 'name' with someone who was not in the incident: fresh eyes catch gaps.");
            }
        }
    }

    internal sealed class SentenceCount : PostmortemRule
    {
        public override string Name => nameof(SentenceCount);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;
        public override PostmortemSection Section => PostmortemSection.ExecutiveSummary;
        public override string Description =>
            "The executive summary and the lessons learned are 2-3 sentences each, as the guide's template asks: \"[2-3 sentences. ...]\".";

        internal override void Check(RuleContext context)
        {
            var p = context.Postmortem;
            CheckText(context, PostmortemSection.ExecutiveSummary, "ExecutiveSummary", "executive summary", p.ExecutiveSummary,
                "Say what broke, how long, and the user or business impact, in 2-3 sentences for non-technical stakeholders.");
            CheckText(context, PostmortemSection.LessonsLearned, "LessonsLearned", "lessons learned", p.LessonsLearned,
                "Keep the key insight(s) that will change how things are done, in 2-3 sentences.");
        }

        private static void CheckText(RuleContext context, PostmortemSection section, string target, string what, string? text, string suggestion)
        {
            if (text is null) return;
            int count = Sentences.Split(text).Count;
            if (count >= 2 && count <= 3) return;
            var counted = count == 1 ? "1 sentence" : count.ToString(CultureInfo.InvariantCulture) + " sentences";
            context.Report(section, target, $"The {what} is {counted}; the template asks for 2-3.", suggestion);
        }
    }
}
