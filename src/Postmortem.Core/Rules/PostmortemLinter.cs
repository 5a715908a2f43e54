using System;
using System.Collections.Generic;
using System.Linq;

namespace Postmortems.Rules
{
    /// <summary>Runs the rules over a postmortem; the findings come in the template's section order.</summary>
    public static class PostmortemLinter
    {
        /// <summary>
        /// Checks a postmortem. <paramref name="includeRule"/> and <paramref name="excludeRule"/> pick rules by name;
        /// rules the settings turn off do not run.
        /// </summary>
        public static List<DiagnosticRecord> Check(Postmortem postmortem, RuleSettings settings, Func<string, bool>? includeRule = null)
        {
            if (postmortem is null) throw new ArgumentNullException(nameof(postmortem));
            if (settings is null) throw new ArgumentNullException(nameof(settings));
            var records = new List<DiagnosticRecord>();
            var memo = new Dictionary<string, object>();
            var selected = PostmortemRules.All.Where(r => settings.IsEnabled(r) && (includeRule is null || includeRule(r.Name))).ToList();
            foreach (var rule in selected) rule.Check(new RuleContext(postmortem, settings, rule, records, memo));
            // The review rules judge what the others found, so they run last and see every finding. They also see the
            // findings of rules left out by -Rule, so a narrowed check does not pass a postmortem the full one fails.
            var findingsRules = selected.OfType<FindingsRule>().ToList();
            if (findingsRules.Count > 0)
            {
                var all = includeRule is null ? new List<DiagnosticRecord>(records) : new List<DiagnosticRecord>();
                if (includeRule is not null)
                {
                    foreach (var rule in PostmortemRules.All.Where(r => settings.IsEnabled(r) && r is not FindingsRule)) rule.Check(new RuleContext(postmortem, settings, rule, all, memo));
                }
                foreach (var rule in findingsRules) rule.CheckFindings(new RuleContext(postmortem, settings, rule, records, memo), all);
            }
            // Stable: within a section, findings keep the rules' order.
            return records.Select((record, index) => (record, index))
                .OrderBy(x => x.record.Section)
                .ThenBy(x => x.index)
                .Select(x => x.record)
                .ToList();
        }

        /// <summary>True when nothing is an Error and, when strict, nothing is a Warning.</summary>
        public static bool Passes(IEnumerable<DiagnosticRecord> records, bool strict) =>
            records.All(r => r.Severity == DiagnosticSeverity.Information || (r.Severity == DiagnosticSeverity.Warning && !strict));

        public static IEnumerable<RuleInfo> Describe(RuleSettings settings) =>
            PostmortemRules.All.Select(r => new RuleInfo(r.Name, settings.SeverityOf(r), r.Section, r.Description, settings.IsEnabled(r)));
    }
}
