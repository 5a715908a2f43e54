using System;
using System.Linq;
using Postmortems.Rendering;
using Postmortems.Serialization;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>An action item's status tells the truth: Done says when, WontDo says why, and nothing else carries either.</summary>
    public class ActionItemStatusModelTests
    {
        private static readonly DateTime December1 = new DateTime(2026, 12, 1);

        [Fact]
        public void Set_to_Done_an_item_records_todays_UTC_date_and_keeps_it_when_set_Done_again()
        {
            var item = new ActionItem("Add seal alert");
            var before = DateTime.UtcNow.Date;
            item.Status = ActionItemStatus.Done;
            var after = DateTime.UtcNow.Date;
            Assert.InRange(item.DoneDate!.Value, before, after);
            Assert.Equal(DateTimeKind.Unspecified, item.DoneDate.Value.Kind);

            item.DoneDate = December1;
            item.Status = ActionItemStatus.Done;
            item.SetStatus(ActionItemStatus.Done);
            Assert.Equal(December1, item.DoneDate);
        }

        [Fact]
        public void A_done_date_given_is_taken_as_a_date()
        {
            var item = new ActionItem("Add seal alert");
            item.SetStatus(ActionItemStatus.Done, doneDate: new DateTime(2026, 12, 1, 17, 45, 0, DateTimeKind.Utc));
            Assert.Equal(December1, item.DoneDate);
            Assert.Equal("Done (2026-12-01)", item.StatusText);
        }

        [Fact]
        public void WontDo_needs_a_reason_and_is_refused_without_one()
        {
            var item = new ActionItem("Add seal alert");
            var bySetter = Assert.Throws<ArgumentException>(() => item.Status = ActionItemStatus.WontDo);
            Assert.Contains("-Reason", bySetter.Message);
            var byMethod = Assert.Throws<ArgumentException>(() => item.SetStatus(ActionItemStatus.WontDo, "   "));
            Assert.Contains("needs its reason", byMethod.Message);
            Assert.DoesNotContain("(Parameter", byMethod.Message);
            Assert.Equal(ActionItemStatus.Open, item.Status);

            item.SetStatus(ActionItemStatus.WontDo, "  Replaced by the new\ngateway  ");
            Assert.Equal((ActionItemStatus.WontDo, "Replaced by the new gateway", (DateTime?)null), (item.Status, item.StatusReason, item.DoneDate));
            Assert.Equal("Won't do: Replaced by the new gateway", item.StatusText);
            Assert.Throws<ArgumentException>(() => item.StatusReason = " ");
        }

        [Theory]
        [InlineData(ActionItemStatus.Open)]
        [InlineData(ActionItemStatus.InProgress)]
        [InlineData(ActionItemStatus.Done)]
        public void A_reason_goes_with_WontDo_only(ActionItemStatus status)
        {
            var item = new ActionItem("Add seal alert");
            var error = Assert.Throws<ArgumentException>(() => item.SetStatus(status, "not needed"));
            Assert.Contains("-Status WontDo", error.Message);
            Assert.Throws<InvalidOperationException>(() => item.StatusReason = "not needed");
            Assert.Equal(ActionItemStatus.Open, item.Status);
        }

        [Theory]
        [InlineData(ActionItemStatus.Open)]
        [InlineData(ActionItemStatus.InProgress)]
        public void A_done_date_goes_with_Done_only(ActionItemStatus status)
        {
            var item = new ActionItem("Add seal alert");
            var error = Assert.Throws<ArgumentException>(() => item.SetStatus(status, doneDate: December1));
            Assert.Contains("-Status Done", error.Message);
            Assert.Throws<InvalidOperationException>(() => item.DoneDate = December1);
            Assert.Throws<ArgumentException>(() => item.SetStatus(ActionItemStatus.WontDo, "x", December1));
        }

        [Fact]
        public void A_new_status_drops_what_went_with_the_old_one()
        {
            var item = new ActionItem("Add seal alert");
            item.SetStatus(ActionItemStatus.WontDo, "Out of scope");
            item.Status = ActionItemStatus.Open;
            Assert.Null(item.StatusReason);
            item.SetStatus(ActionItemStatus.Done, doneDate: December1);
            item.Status = ActionItemStatus.InProgress;
            Assert.Null(item.DoneDate);
        }

        [Theory]
        [InlineData(ActionItemStatus.Open, true)]
        [InlineData(ActionItemStatus.InProgress, true)]
        [InlineData(ActionItemStatus.Done, false)]
        [InlineData(ActionItemStatus.WontDo, false)]
        public void Open_and_InProgress_are_still_to_do(ActionItemStatus status, bool open)
        {
            var item = new ActionItem("Add seal alert");
            item.SetStatus(status, status == ActionItemStatus.WontDo ? "why" : null);
            Assert.Equal(open, item.IsOpen);
        }

        [Fact]
        public void A_change_of_the_reason_or_date_alone_keeps_the_status_and_must_fit_it()
        {
            var item = new ActionItem("Add seal alert");
            Assert.Contains("would be Open", item.StatusChangeProblem(null, "Out of scope", null));
            Assert.Contains("would be Open", item.StatusChangeProblem(null, null, December1));
            Assert.Null(item.StatusChangeProblem(ActionItemStatus.Done, null, December1));

            item.ChangeStatus(ActionItemStatus.WontDo, "Out of scope", null);
            item.ChangeStatus(null, "Covered by PAY-2001", null);
            item.ChangeStatus(ActionItemStatus.WontDo, null, null);
            Assert.Equal((ActionItemStatus.WontDo, "Covered by PAY-2001"), (item.Status, item.StatusReason));

            item.ChangeStatus(ActionItemStatus.Done, null, December1);
            item.ChangeStatus(null, null, new DateTime(2026, 12, 3));
            item.ChangeStatus(ActionItemStatus.Done, null, null);
            Assert.Equal((ActionItemStatus.Done, (string?)null, (DateTime?)new DateTime(2026, 12, 3)), (item.Status, item.StatusReason, item.DoneDate));
        }

        [Fact]
        public void On_a_final_postmortem_the_status_its_reason_and_done_date_still_change_and_the_action_does_not()
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.State = DocumentState.Final;
            var item = p.ActionItems[0];
            item.SetStatus(ActionItemStatus.WontDo, "The rotation job is being retired");
            item.StatusReason = "Retired with the old gateway";
            item.SetStatus(ActionItemStatus.Done, doneDate: December1);
            item.DoneDate = new DateTime(2026, 12, 2);
            item.Status = ActionItemStatus.InProgress;
            Assert.Equal(ActionItemStatus.InProgress, item.Status);
            Assert.Throws<PostmortemStateException>(() => item.Action = "Verify the chain");
        }
    }

    /// <summary>The Status column in words, written one way and read back leniently.</summary>
    public class ActionItemStatusTextTests
    {
        [Theory]
        [InlineData(ActionItemStatus.Open, null, null, "Open")]
        [InlineData(ActionItemStatus.InProgress, null, null, "In progress")]
        [InlineData(ActionItemStatus.Done, null, null, "Done")]
        [InlineData(ActionItemStatus.Done, null, "2026-12-01", "Done (2026-12-01)")]
        [InlineData(ActionItemStatus.WontDo, "Replaced by the new gateway: PAY-2001", null, "Won't do: Replaced by the new gateway: PAY-2001")]
        public void Each_status_is_written_in_words_and_read_back_as_it_was(ActionItemStatus status, string? reason, string? done, string text)
        {
            DateTime? doneDate = done is null ? null : DateTime.Parse(done, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(text, ActionItemStatusText.Format(status, reason, doneDate));
            Assert.True(ActionItemStatusText.TryParse(text, out var readStatus, out var readReason, out var readDate, out var problem));
            Assert.Null(problem);
            Assert.Equal((status, reason, doneDate), (readStatus, readReason, readDate));
        }

        [Theory]
        [InlineData("open", ActionItemStatus.Open, null, null)]
        [InlineData("InProgress", ActionItemStatus.InProgress, null, null)]
        [InlineData("in-progress", ActionItemStatus.InProgress, null, null)]
        [InlineData("DONE", ActionItemStatus.Done, null, null)]
        [InlineData("Done 2026-12-01", ActionItemStatus.Done, null, "2026-12-01")]
        [InlineData("Done on 2026-12-01", ActionItemStatus.Done, null, "2026-12-01")]
        [InlineData("Done: 2026-12-01", ActionItemStatus.Done, null, "2026-12-01")]
        [InlineData("Done (2026\u201112\u201101)", ActionItemStatus.Done, null, "2026-12-01")]
        [InlineData("WontDo: superseded", ActionItemStatus.WontDo, "superseded", null)]
        [InlineData("won\u2019t do \u2013 superseded by PAY-2001", ActionItemStatus.WontDo, "superseded by PAY-2001", null)]
        [InlineData("Will not do: out of scope", null, null, null)]
        [InlineData("Won't do: : a colon first", ActionItemStatus.WontDo, ": a colon first", null)]
        public void A_reviewers_own_wording_is_read(string text, ActionItemStatus? status, string? reason, string? done)
        {
            bool read = ActionItemStatusText.TryParse(text, out var readStatus, out var readReason, out var readDate, out _);
            if (status is null)
            {
                Assert.False(read);
                return;
            }
            Assert.True(read);
            Assert.Equal((status.Value, reason, done), (readStatus, readReason, readDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }

        [Theory]
        [InlineData("Won't do", "not why")]
        [InlineData("Won't do:", "not why")]
        [InlineData("Done (next week)", "Done (YYYY-MM-DD)")]
        [InlineData("Done 2026-13-01", "Done (YYYY-MM-DD)")]
        [InlineData("Closed", "Open, In progress, Done, Done (YYYY-MM-DD) or Won't do: the reason")]
        public void Anything_else_is_refused_saying_how_to_write_it(string text, string hint)
        {
            Assert.False(ActionItemStatusText.TryParse(text, out _, out _, out _, out var problem, "Add seal alert"));
            Assert.Contains($"'{text}' of 'Add seal alert'", problem);
            Assert.Contains(hint, problem);
        }
    }

    /// <summary>The status, its reason and its done date through the YAML draft, the page and its front matter.</summary>
    public class ActionItemStatusFileTests
    {
        // One item in each state, with a reason holding what Markdown and YAML both give a meaning.
        private static Postmortem FourStatuses()
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.ActionItems[0].Status = ActionItemStatus.InProgress;
            p.ActionItems[1].SetStatus(ActionItemStatus.WontDo, "Covered by the gateway's own alert | see *OBS-9*: no #2 needed");
            p.ActionItems.Add(new ActionItem("Remove the old bundle from the image") { Owner = "platform", Priority = ActionPriority.P3 });
            p.ActionItems[3].SetStatus(ActionItemStatus.Done, null, null, stampToday: false);
            return p;
        }

        [Fact]
        public void The_draft_keeps_a_reason_and_a_done_date_only_where_there_is_one_and_reads_them_back()
        {
            var p = FourStatuses();
            var yaml = PostmortemYaml.Write(p);
            Assert.Matches(@"\n( +)status: InProgress\n\1tracking: PAY-1423\n", yaml);
            Assert.Matches(@"\n( +)status: WontDo\n\1statusReason: ", yaml);
            Assert.Matches(@"\n( +)status: Done\n\1doneDate: 2026-11-27\n", yaml);
            Assert.Equal(2, yaml.Split(new[] { "statusReason:", "doneDate:" }, StringSplitOptions.None).Length - 1);

            var read = PostmortemYaml.Read(yaml, "pm.yaml").Postmortem;
            Assert.Equal(PostmortemDump.Of(p), PostmortemDump.Of(read));
            Assert.Null(read.ActionItems[3].DoneDate);
            Assert.Empty(ReadBack.Differences(p, read));
        }

        [Theory]
        [InlineData("status: WontDo", 4, "no 'statusReason:'")]
        [InlineData("status: Open\n  statusReason: not needed", 5, "'statusReason' goes with 'status: WontDo' only")]
        [InlineData("status: InProgress\n  doneDate: 2026-12-01", 5, "'doneDate' goes with 'status: Done' only")]
        [InlineData("status: Finished", 4, "not one of Open, InProgress, Done, WontDo")]
        public void A_draft_whose_status_does_not_fit_is_refused_naming_the_line(string status, int line, string problem)
        {
            var yaml = "title: t\nactionItems:\n- action: Add seal alert\n  " + status + "\n";
            var error = Assert.Throws<PostmortemFormatException>(() => PostmortemYaml.Read(yaml, "pm.yaml"));
            Assert.Contains($"pm.yaml, line {line}:", error.Message);
            Assert.Contains(problem, error.Message);
        }

        [Fact]
        public void A_draft_may_write_the_status_in_words()
        {
            var yaml = "title: t\nactionItems:\n- action: Add seal alert\n  status: In progress\n- action: Add disk alert\n  status: Won't do\n  statusReason: covered\n";
            var items = PostmortemYaml.Read(yaml, "pm.yaml").Postmortem.ActionItems;
            Assert.Equal(new[] { ActionItemStatus.InProgress, ActionItemStatus.WontDo }, items.Select(i => i.Status));
        }

        [Fact]
        public void The_status_column_says_in_progress_done_with_its_day_and_wont_do_with_its_reason_escaped()
        {
            var markdown = PostmortemMarkdown.Render(FourStatuses());
            Assert.Contains("| P1 | In progress | PAY-1423 |\n", markdown);
            Assert.Contains("| P2 | Won't do: Covered by the gateway's own alert \\| see \\*OBS-9\\*: no #2 needed | |\n", markdown);
            Assert.Contains("| P3 | Done (2026\u201111\u201127) | |\n", markdown);
            Assert.Contains("| _not set_ | P3 | Done | |\n", markdown);
            var html = PostmortemHtml.RenderFragment(FourStatuses());
            Assert.Contains("<td>Won't do: Covered by the gateway's own alert | see *OBS-9*: no #2 needed</td>", html.Replace("&#39;", "'"));
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void The_page_reads_back_each_status_with_its_reason_and_day(bool frontMatter)
        {
            var p = FourStatuses();
            var read = PostmortemMarkdownReader.Read(PostmortemMarkdown.Render(p, frontMatter), "pm.md");
            Assert.Empty(read.Warnings);
            Assert.Equal(
                p.ActionItems.Select(i => (i.Status, i.StatusReason, i.DoneDate)),
                read.Postmortem.ActionItems.Select(i => (i.Status, i.StatusReason, i.DoneDate)));
        }

        [Fact]
        public void A_page_without_the_status_column_takes_the_reason_and_day_from_its_front_matter()
        {
            var p = FourStatuses();
            p.ActionItems[1].StatusReason = "Covered by the gateway's own alert";
            var written = PostmortemMarkdown.Render(p, frontMatter: true);
            Assert.Contains("{status: WontDo, statusReason: \"Covered by the gateway's own alert\", digest: ", written);
            Assert.Contains("{status: Done, doneDate: 2026-11-27, digest: ", written);
            var older = PreviousFormat.Of(written);
            Assert.DoesNotContain("Won't do", older.Substring(older.IndexOf("## Action Items", StringComparison.Ordinal)));

            var read = PostmortemMarkdownReader.Read(older, "pm.md");
            Assert.Equal(
                p.ActionItems.Select(i => (i.Status, i.StatusReason, i.DoneDate)),
                read.Postmortem.ActionItems.Select(i => (i.Status, i.StatusReason, i.DoneDate)));
        }

        [Fact]
        public void An_older_page_with_Open_and_Done_still_reads_its_done_items_without_a_day()
        {
            var page = "# Postmortem: Old\n\n**Date:** 2026-11-20\n\n## Action Items\n\n"
                       + "| Action | Owner | Due Date | Priority | Status | Tracking |\n|---|---|---|---|---|---|\n"
                       + "| Add alert | ops | 2026-12-04 | P1 | Done | |\n| Add runbook | ops | 2026-12-11 | P2 | Open | |\n";
            var items = PostmortemMarkdownReader.Read(page, "old.md").Postmortem.ActionItems;
            Assert.Equal(new[] { (ActionItemStatus.Done, (DateTime?)null), (ActionItemStatus.Open, (DateTime?)null) }, items.Select(i => (i.Status, i.DoneDate)));
        }

        [Fact]
        public void A_wont_do_typed_on_the_page_without_a_reason_is_refused_naming_the_item_and_the_line()
        {
            var page = PostmortemMarkdown.Render(SamplePostmortems.CheckoutOutage()).Replace("| P2 | Open |", "| P2 | Won't do |");
            var error = Assert.Throws<PostmortemFormatException>(() => PostmortemMarkdownReader.Read(page, "pm.md"));
            Assert.Contains("'Won't do' of 'Add Prometheus alert for certificate chain errors with a 5-minute threshold'", error.Message);
            Assert.Contains("Won't do: the reason", error.Message);
            Assert.Equal((long?)(page.Split('\n').ToList().FindIndex(l => l.Contains("| P2 | Won't do |")) + 1), error.Line);
        }

        [Fact]
        public void Read_back_compares_the_reason_and_the_done_date()
        {
            var p = FourStatuses();
            var other = PostmortemYaml.Read(PostmortemYaml.Write(p), "pm.yaml").Postmortem;
            other.ActionItems[1].StatusReason = "Something else";
            other.ActionItems[2].DoneDate = new DateTime(2026, 11, 28);
            Assert.Equal(new[] { "ActionItems[1].StatusReason", "ActionItems[2].DoneDate" }, ReadBack.Differences(p, other));
        }

        [Fact]
        public void Generated_postmortems_with_every_status_render_and_read_back_as_they_are()
        {
            var generator = new PostmortemGenerator(seed: 4242);
            int wontDo = 0, doneWithout = 0;
            for (int i = 0; i < 150; i++)
            {
                var p = generator.Next();
                wontDo += p.ActionItems.Count(a => a.Status == ActionItemStatus.WontDo);
                doneWithout += p.ActionItems.Count(a => a.Status == ActionItemStatus.Done && a.DoneDate is null);
                foreach (var path in new[] { "t.yaml", "t.md" }) Assert.Equal(PostmortemFile.Render(p, path), PostmortemFile.RenderChecked(p, path));
            }
            Assert.True(wontDo > 20 && doneWithout > 5, $"{wontDo} WontDo items, {doneWithout} Done without a day");
        }
    }
}
