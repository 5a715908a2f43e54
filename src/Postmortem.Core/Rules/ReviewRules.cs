using System;
using System.Collections.Generic;
using System.Linq;
using Postmortems.Privacy;

namespace Postmortems.Rules
{
    /// <summary>A rule that judges the other rules' findings, so it runs after them.</summary>
    internal abstract class FindingsRule : PostmortemRule
    {
        internal override void Check(RuleContext context)
        {
        }

        internal abstract void CheckFindings(RuleContext context, IReadOnlyList<DiagnosticRecord> findings);
    }

    internal sealed class NoSecrets : PostmortemRule
    {
        public override string Name => nameof(NoSecrets);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;
        public override PostmortemSection Section => PostmortemSection.Header;
        public override string Description =>
            "Nothing secret leaves the machine: no API keys, tokens, private keys or passwords pulled in with \"logs, chat history, alerts\" (the guide's sources for the timeline).";

        internal override void Check(RuleContext context)
        {
            foreach (var finding in SecretScanner.Scan(context.Postmortem))
            {
                context.Report(SectionOf(finding.Field), finding.Field,
                    $"{finding.Field} holds what looks like a {finding.Kind}.",
                    "Remove it, or run Protect-Postmortem, which replaces every secret it finds with [REDACTED]; then rotate the credential, since it has been copied around.");
            }
        }

        private static PostmortemSection SectionOf(string field)
        {
            var name = field.Split('[', '.')[0];
            switch (name)
            {
                case "ExecutiveSummary": return PostmortemSection.ExecutiveSummary;
                case "Timeline": return PostmortemSection.Timeline;
                case "Impact": return PostmortemSection.Impact;
                case "RootCause":
                case "Whys":
                case "WhyChains": return PostmortemSection.RootCause;
                case "ContributingFactors": return PostmortemSection.ContributingFactors;
                case "WentWell": return PostmortemSection.WentWell;
                case "WentPoorly": return PostmortemSection.WentPoorly;
                case "ActionItems": return PostmortemSection.ActionItems;
                case "LessonsLearned": return PostmortemSection.LessonsLearned;
                default: return PostmortemSection.Header;
            }
        }
    }

    internal sealed class SignedOffContentChanged : PostmortemRule
    {
        public override string Name => nameof(SignedOffContentChanged);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;
        public override PostmortemSection Section => PostmortemSection.Header;
        public override string Description =>
            "A final postmortem says what its reviewers approved. The guide: \"Review — have someone else read it\" before it is locked; content changed since the sign-offs (a draft edited by hand around the lock) was not reviewed.";

        internal override void Check(RuleContext context)
        {
            var stale = PostmortemReview.ApprovedOtherContent(context.Postmortem);
            if (stale.Count == 0) return;
            context.Report("SignOffs", $"The postmortem is final, but its content is not what {string.Join(", ", stale.Select(s => $"{s.Reviewer} ({s.Date:yyyy-MM-dd HH:mm} UTC)"))} approved: it was changed since.",
                "Undo the change, or reopen it with Unlock-Postmortem -Reason '...' so the reviewers approve the new text.");
        }
    }

    internal sealed class ReviewWithErrors : FindingsRule
    {
        public override string Name => nameof(ReviewWithErrors);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;
        public override PostmortemSection Section => PostmortemSection.Header;
        public override string Description =>
            "A postmortem goes to review without errors. The guide: \"Write draft\" before \"Review — have someone else read it\".";

        internal override void CheckFindings(RuleContext context, IReadOnlyList<DiagnosticRecord> findings)
        {
            if (context.Postmortem.State != DocumentState.InReview) return;
            var errors = findings.Where(f => f.Severity == DiagnosticSeverity.Error && !PostmortemRules.IsExternal(f.RuleName)).ToList();
            if (errors.Count == 0) return;
            context.Report("State", $"The postmortem is in review with {errors.Count} error(s) outstanding ({string.Join(", ", errors.Select(e => e.RuleName).Distinct())}).",
                "Fix the errors before the reviewers read it, so their time goes to what a machine cannot check.");
        }
    }

    internal sealed class FinalWarningsAcknowledged : FindingsRule
    {
        public override string Name => nameof(FinalWarningsAcknowledged);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;
        public override PostmortemSection Section => PostmortemSection.Header;
        public override string Description =>
            "A final postmortem has no warning that nobody accepted. The guide: \"Finalize action items — share with team before locking\".";

        internal override void CheckFindings(RuleContext context, IReadOnlyList<DiagnosticRecord> findings)
        {
            var p = context.Postmortem;
            if (p.State != DocumentState.Final) return;
            var acknowledged = new HashSet<string>(p.SignOffs.SelectMany(s => s.AcknowledgedRules), StringComparer.OrdinalIgnoreCase);
            var open = findings.Where(f => f.Severity == DiagnosticSeverity.Warning && !acknowledged.Contains(f.RuleName) && !PostmortemRules.IsExternal(f.RuleName)).Select(f => f.RuleName).Distinct().ToList();
            if (open.Count == 0) return;
            context.Report("State", $"The postmortem is final with warnings nobody acknowledged: {string.Join(", ", open)}.",
                $"Fix them, or have a reviewer accept them: Approve-Postmortem -Reviewer 'name' -Acknowledge {string.Join(", ", open)}.");
        }
    }
}
