using System;
using System.IO;
using System.Linq;
using Postmortems.Metrics;
using Postmortems.Rules;
using Postmortems.Settings;
using Xunit;
using static Postmortems.Tests.RuleTestKit;

namespace Postmortems.Tests
{
    /// <summary>
    /// The team's due-date policy: the days an action item of each priority may take from the incident, for the
    /// ActionItemDueByPriority rule and for the due date of an item that has none.
    /// </summary>
    public sealed class ActionItemDuePolicyTests : IDisposable
    {
        private static readonly DateTime Incident = new DateTime(2026, 11, 20);
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "postmortem-due-" + Guid.NewGuid().ToString("N"));

        public ActionItemDuePolicyTests() => Directory.CreateDirectory(_folder);

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private RuleSettings Load(string text)
        {
            var path = Path.Combine(_folder, "team.psd1");
            File.WriteAllText(path, text);
            return RuleSettings.FromFile(path);
        }

        private static Postmortem WithItem(ActionPriority? priority, DateTime? due, ActionItemStatus status = ActionItemStatus.Open) => Sample(p =>
        {
            p.Date = Incident;
            p.ActionItems.Clear();
            var item = new ActionItem("Add a chain check to the rotation pipeline") { Owner = "platform", Priority = priority, DueDate = due };
            item.SetStatus(status, status == ActionItemStatus.WontDo ? "The rotation job is retired" : null);
            p.ActionItems.Add(item);
        });

        [Fact]
        public void The_shipped_settings_give_P1_four_weeks_P2_eight_and_P3_twelve()
        {
            var policy = Defaults.DuePolicy;
            Assert.Equal((28, 56, 84), (policy.P1Days, policy.P2Days, policy.P3Days));
            Assert.Equal(new DateTime(2026, 12, 18), policy.LatestDueDate(Incident, ActionPriority.P1));
            Assert.Equal("P1 28 days, P2 56 days, P3 84 days", policy.ToString());
        }

        [Fact]
        public void A_settings_file_changes_the_priorities_it_names_and_keeps_the_others()
        {
            var settings = Load("@{\n    ActionItemDueDays = @{ p1 = 14; P3 = 120 }\n}");
            Assert.Equal((14, 56, 120), (settings.DuePolicy.P1Days, settings.DuePolicy.P2Days, settings.DuePolicy.P3Days));
            Assert.Equal((28, 56, 84), (Defaults.DuePolicy.P1Days, Defaults.DuePolicy.P2Days, Defaults.DuePolicy.P3Days));
        }

        [Theory]
        [InlineData("@{\n  ActionItemDueDays = @{\n    P4 = 10\n  }\n}", 3, "ActionItemDueDays.P4 is not a priority. Use P1, P2 or P3")]
        [InlineData("@{\n  ActionItemDueDays = @{\n    P1 = 'two weeks'\n  }\n}", 3, "ActionItemDueDays.P1 is 'two weeks'; give a whole number of days from 1 to 3650")]
        [InlineData("@{ ActionItemDueDays = @{ P2 = 0 } }", 1, "ActionItemDueDays.P2 is 0")]
        [InlineData("@{\n\n  ActionItemDueDays = 28\n}", 3, "ActionItemDueDays holds a hashtable of days by priority")]
        public void A_bad_policy_is_refused_naming_the_file_the_line_and_the_fix(string text, int line, string problem)
        {
            var error = Assert.Throws<SettingsFormatException>(() => Load(text));
            Assert.StartsWith($"team.psd1, line {line}: ", error.Message);
            Assert.Contains(problem, error.Message);
            Assert.Contains("ActionItemDueDays = @{ P1 = 28; P2 = 56; P3 = 84 }", error.Message);
        }

        [Fact]
        public void ActionItemDueByPriority_warns_of_an_open_item_due_later_than_its_priority_allows()
        {
            var finding = Assert.Single(Check(WithItem(ActionPriority.P1, new DateTime(2026, 12, 19)), nameof(ActionItemDueByPriority)));
            Assert.Equal((DiagnosticSeverity.Warning, "ActionItems[0]"), (finding.Severity, finding.Target));
            Assert.Equal("The P1 action 'Add a chain check to the rotation pipeline' is due 2026-12-19, 29 days after the incident (2026-11-20); a P1 item is due within 28 days, by 2026-12-18.", finding.Message);
            Assert.Contains("2026-12-18 or earlier", finding.Suggestion);
            Assert.Contains("ActionItemDueDays = @{ P1 = 29 }", finding.Suggestion);

            Assert.Empty(Check(WithItem(ActionPriority.P1, new DateTime(2026, 12, 18)), nameof(ActionItemDueByPriority)));
            Assert.Empty(Check(WithItem(ActionPriority.P2, new DateTime(2026, 12, 19)), nameof(ActionItemDueByPriority)));
            Assert.Single(Check(WithItem(ActionPriority.P1, new DateTime(2026, 12, 19), ActionItemStatus.InProgress), nameof(ActionItemDueByPriority)));
        }

        [Theory]
        [InlineData(ActionItemStatus.Done)]
        [InlineData(ActionItemStatus.WontDo)]
        public void A_closed_item_or_one_without_a_date_or_priority_is_no_finding(ActionItemStatus status)
        {
            Assert.Empty(Check(WithItem(ActionPriority.P1, new DateTime(2027, 6, 1), status), nameof(ActionItemDueByPriority)));
            Assert.Empty(Check(WithItem(null, new DateTime(2027, 6, 1)), nameof(ActionItemDueByPriority)));
            Assert.Empty(Check(WithItem(ActionPriority.P1, null), nameof(ActionItemDueByPriority)));
            var undated = WithItem(ActionPriority.P1, new DateTime(2027, 6, 1));
            undated.Date = null;
            Assert.Empty(Check(undated, nameof(ActionItemDueByPriority)));
        }

        [Fact]
        public void The_teams_policy_decides_what_is_too_late()
        {
            var p = WithItem(ActionPriority.P1, new DateTime(2026, 12, 10));
            Assert.Empty(Check(p, nameof(ActionItemDueByPriority)));
            var settings = Load("@{ ActionItemDueDays = @{ P1 = 14 } }");
            var finding = Assert.Single(PostmortemLinter.Check(p, settings, name => name == nameof(ActionItemDueByPriority)));
            Assert.Contains("a P1 item is due within 14 days, by 2026-12-04", finding.Message);
        }

        [Fact]
        public void An_item_without_a_due_date_is_due_by_the_policy_and_says_so()
        {
            var p = new Postmortem("Vault sealed") { Date = Incident };
            p.ActionItems.Add(new ActionItem("Add seal alert") { Priority = ActionPriority.P2 });
            p.ActionItems.Add(new ActionItem("Add unseal runbook") { Priority = ActionPriority.P1, DueDate = new DateTime(2026, 12, 1) });
            p.ActionItems.Add(new ActionItem("Rotate the keys"));
            var asOf = new DateTime(2027, 1, 16);

            var items = PostmortemMeasurer.ActionItems(p, asOf).ToList();
            Assert.Equal((new DateTime(2027, 1, 15), DueDateSource.Policy, true, 1), (items[0].DueDate!.Value, items[0].DueDateFrom!.Value, items[0].Overdue, items[0].DaysOverdue));
            Assert.Equal((new DateTime(2026, 12, 1), DueDateSource.Item, 46), (items[1].DueDate!.Value, items[1].DueDateFrom!.Value, items[1].DaysOverdue));
            Assert.Equal(((DateTime?)null, (DueDateSource?)null, false), (items[2].DueDate, items[2].DueDateFrom, items[2].Overdue));
            Assert.Null(p.ActionItems[0].DueDate);

            var team = PostmortemMeasurer.ActionItems(p, asOf, new ActionItemDuePolicy(28, 70, 84)).First();
            Assert.Equal((new DateTime(2027, 1, 29), false), (team.DueDate!.Value, team.Overdue));
        }

        [Fact]
        public void Done_and_wont_do_items_are_never_overdue_and_in_progress_ones_are()
        {
            var p = new Postmortem("Vault sealed") { Date = Incident };
            foreach (var status in new[] { ActionItemStatus.Open, ActionItemStatus.InProgress, ActionItemStatus.Done, ActionItemStatus.WontDo })
            {
                var item = new ActionItem("Add " + status) { Priority = ActionPriority.P1, DueDate = new DateTime(2026, 12, 1) };
                item.SetStatus(status, status == ActionItemStatus.WontDo ? "superseded" : null, status == ActionItemStatus.Done ? new DateTime(2026, 12, 5) : (DateTime?)null);
                p.ActionItems.Add(item);
            }
            var asOf = new DateTime(2026, 12, 10);
            var items = PostmortemMeasurer.ActionItems(p, asOf).ToList();
            Assert.Equal(new[] { true, true, false, false }, items.Select(i => i.Overdue));
            Assert.Equal(new[] { "Open", "In progress", "Done (2026-12-05)", "Won't do: superseded" }, items.Select(i => i.StatusText));

            var p1 = PostmortemMeasurer.Measure(new[] { p }, asOf).ActionItems.Single();
            Assert.Equal((4, 2, 1, 1, 1, 2), (p1.Total, p1.Open, p1.InProgress, p1.Done, p1.WontDo, p1.Overdue));
        }
    }
}
