using System.Linq;

namespace Postmortems.Rules
{
    /// <summary>
    /// Checks the severity against the guide's Severity Guide, where the impact says enough to tell:
    /// data loss or a security breach is P1; a complete outage for all users is P1; no user impact is P4.
    /// </summary>
    internal sealed class SeverityMatchesImpact : PostmortemRule
    {
        public override string Name => nameof(SeverityMatchesImpact);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;
        public override PostmortemSection Section => PostmortemSection.Header;
        public override string Description =>
            "The severity follows the Severity Guide: data loss or a security breach is P1 (\"Complete outage, data loss, security breach\"); a complete outage affecting all users is P1; no user impact is P4 (\"Minor issue, no user impact\").";

        internal override void Check(RuleContext context)
        {
            var p = context.Postmortem;
            if (p.Severity is not Severity severity) return;
            var impact = p.Impact;
            var prose = Words.Of(string.Join("\n", new[] { p.ExecutiveSummary, p.RootCause, impact.DataLossDescription, impact.RevenueImpact, impact.UsersAffected }.Where(t => t is not null)));

            if (severity != Severity.P1 && impact.DataLoss == true)
            {
                context.Report("Severity", $"The impact records data loss, which the Severity Guide puts at P1, but the severity is {severity}.",
                    "Set-Postmortem -Severity P1, or Set-Postmortem -DataLoss $false if no data was lost.");
            }
            var breach = context.Phrases("SecurityBreachPhrases").FindIn(prose);
            if (severity != Severity.P1 && breach is not null)
            {
                context.Report("Severity", $"The postmortem describes a security breach ('{breach}'), which the Severity Guide puts at P1, but the severity is {severity}.",
                    "Set-Postmortem -Severity P1, or reword the text if there was no breach.");
            }
            var users = Words.Of(impact.UsersAffected);
            var allUsers = context.Phrases("AllUsersPhrases").FindIn(users);
            var outage = context.Phrases("CompleteOutagePhrases").FindIn(prose);
            if (severity != Severity.P1 && allUsers is not null && outage is not null)
            {
                context.Report("Severity", $"The impact is a complete outage ('{outage}') for {allUsers}, which the Severity Guide puts at P1, but the severity is {severity}.",
                    "Set-Postmortem -Severity P1, or say which users or functions kept working.");
            }
            if (severity != Severity.P4 && NoUserImpact(context, users))
            {
                context.Report("Severity", $"The impact says no users were affected ('{impact.UsersAffected}'), which the Severity Guide puts at P4 (\"Minor issue, no user impact, caught in monitoring\"), but the severity is {severity}.",
                    "Set-Postmortem -Severity P4, or say which users were affected.");
            }
        }

        private static bool NoUserImpact(RuleContext context, Words users)
        {
            var phrase = context.Phrases("NoUserImpactPhrases").StartOf(users);
            if (phrase is null) return false;
            // "0 users" and "none (internal only)" are no impact; "0.5% of users" is not.
            int used = Words.Of(phrase).Tokens.Count;
            return users.Tokens.Count == used || !char.IsDigit(users.Tokens[used][0]);
        }
    }
}
