using System;
using System.Collections.Generic;
using System.Linq;
using Postmortems.Rules;

namespace Postmortems.Tests
{
    internal static class RuleTestKit
    {
        public static readonly RuleSettings Defaults = RuleSettings.Default();

        public static List<DiagnosticRecord> Check(Postmortem p, string? rule = null) =>
            PostmortemLinter.Check(p, Defaults, rule is null ? null : name => name == rule);

        /// <summary>The complete sample with one change made to it.</summary>
        public static Postmortem Sample(Action<Postmortem> change)
        {
            var p = SamplePostmortems.CheckoutOutage();
            change(p);
            return p;
        }

        public static Postmortem WithAction(string action) => Sample(p =>
        {
            p.ActionItems.Clear();
            p.ActionItems.Add(new ActionItem(action) { Owner = "platform", DueDate = new DateTime(2026, 12, 15), Priority = ActionPriority.P2 });
        });

        public static Postmortem WithRootCause(string rootCause) => Sample(p => p.RootCause = rootCause);

        public static Postmortem WithEvent(string text) => Sample(p =>
            p.Timeline.Add(new TimelineEvent(new DateTime(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc), text)));

        public static DateTime At(int hour, int minute) => new DateTime(2026, 11, 20, hour, minute, 0, DateTimeKind.Utc);
    }
}
