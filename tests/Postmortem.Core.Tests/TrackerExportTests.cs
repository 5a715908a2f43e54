using System;
using System.IO;
using System.Linq;
using System.Text;
using Postmortems.Trackers;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>
    /// TrackerExport reads what gh, glab and Jira write (tests/fixtures/trackers holds their output as the tools write
    /// it): each issue's address, key, state, close day and reason, and refuses what it cannot read with the file, the
    /// line and what to do.
    /// </summary>
    public class TrackerExportTests
    {
        internal static string Fixture(string name)
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !Directory.Exists(Path.Combine(folder.FullName, "tests", "fixtures", "trackers"))) folder = folder.Parent;
            return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("tests/fixtures not found"), "tests", "fixtures", "trackers", name);
        }

        private static TrackerIssue Issue(TrackerExport export, string key) => Assert.Single(export.Issues, i => i.Key == key);

        private static TrackerExportException Refused(string text, string source = "issues.json") =>
            Assert.Throws<TrackerExportException>(() => TrackerExport.Parse(text, source));

        [Fact]
        public void A_gh_issue_list_export_gives_each_issue_its_address_key_state_day_and_reason()
        {
            var export = TrackerExport.Read(Fixture("gh-issue-list.json"));
            Assert.Equal(TrackerExportFormat.GitHubCli, export.Format);
            Assert.Equal(7, export.Issues.Count);
            Assert.True(export.HasBodies);

            var done = Issue(export, "octo-org/payments-infra#41");
            Assert.Equal("https://github.com/octo-org/payments-infra/issues/41", done.Url);
            Assert.Equal(TrackerIssueState.Done, done.State);
            Assert.Equal(new DateTime(2026, 12, 3), done.ClosedOn);
            Assert.Equal("Add a replication-lag panel to the ledger dashboard", done.Title);
            Assert.Null(done.Reason);

            var notPlanned = Issue(export, "octo-org/payments-infra#42");
            Assert.Equal(TrackerIssueState.WontDo, notPlanned.State);
            Assert.Equal("closed as not planned", notPlanned.Reason);
            Assert.Equal(new DateTime(2026, 12, 5), notPlanned.ClosedOn);

            Assert.Equal(TrackerIssueState.Open, Issue(export, "octo-org/payments-infra#43").State);
            Assert.Null(Issue(export, "octo-org/payments-infra#43").ClosedOn);
            Assert.Equal(TrackerIssueState.Open, Issue(export, "octo-org/payments-infra#44").State); // REOPENED

            var duplicate = Issue(export, "octo-org/payments-infra#45");
            Assert.Equal(TrackerIssueState.WontDo, duplicate.State);
            Assert.Equal("closed as a duplicate", duplicate.Reason);
        }

        [Fact]
        public void An_older_gh_export_with_the_zero_time_for_open_issues_reads_them_as_open_without_a_day()
        {
            var export = TrackerExport.Read(Fixture("gh-issue-list-older.json"));
            Assert.Equal(TrackerExportFormat.GitHubCli, export.Format);
            Assert.False(export.HasBodies);
            var open = Issue(export, "octo-org/payments-infra#43");
            Assert.Equal(TrackerIssueState.Open, open.State);
            Assert.Null(open.ClosedOn);
            Assert.Equal(new DateTime(2026, 12, 3), Issue(export, "octo-org/payments-infra#41").ClosedOn);
        }

        [Fact]
        public void A_gh_export_redirected_by_Windows_PowerShell_as_UTF16_with_its_mark_reads_the_same()
        {
            var utf8 = File.ReadAllBytes(Fixture("gh-issue-list.json"));
            var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(utf8))).ToArray();
            var fromUtf16 = TrackerExport.Parse(utf16, "issues.json");
            var fromUtf8 = TrackerExport.Parse(utf8, "issues.json");
            Assert.Equal(fromUtf8.Issues.Select(i => (i.Key, i.State, i.ClosedOn, i.Title)), fromUtf16.Issues.Select(i => (i.Key, i.State, i.ClosedOn, i.Title)));
            Assert.Contains(fromUtf16.Issues, i => i.Title == "Queue ledger writes during failover");
        }

        [Fact]
        public void A_glab_issue_list_export_reads_opened_and_closed_and_a_wont_do_label()
        {
            var export = TrackerExport.Read(Fixture("glab-issue-list.json"));
            Assert.Equal(TrackerExportFormat.GitLabCli, export.Format);
            Assert.Equal(4, export.Issues.Count);
            var done = Issue(export, "platform/sre/incident-actions#12");
            Assert.Equal("https://gitlab.example.com/platform/sre/incident-actions/-/issues/12", done.Url);
            Assert.Equal(TrackerIssueState.Done, done.State);
            Assert.Equal(new DateTime(2026, 12, 3), done.ClosedOn);
            var wontDo = Issue(export, "platform/sre/incident-actions#13");
            Assert.Equal(TrackerIssueState.WontDo, wontDo.State);
            Assert.Equal("closed with the label resolution::won't do", wontDo.Reason);
            Assert.Equal(TrackerIssueState.Open, Issue(export, "platform/sre/incident-actions#14").State);
        }

        [Fact]
        public void A_Jira_all_fields_CSV_with_a_BOM_quoted_line_breaks_and_repeated_columns_reads_each_issue()
        {
            var export = TrackerExport.Read(Fixture("jira-export-all-fields.csv"), "https://acme.atlassian.net/");
            Assert.Equal(TrackerExportFormat.JiraCsv, export.Format);
            Assert.Equal(new[] { "OPS-101", "OPS-102", "OPS-103", "OPS-104", "OPS-105", "OPS-106" }, export.Issues.Select(i => i.Key));

            var done = Issue(export, "OPS-101");
            Assert.Equal("https://acme.atlassian.net/browse/OPS-101", done.Url);
            Assert.Equal(TrackerIssueState.Done, done.State);
            Assert.Equal(new DateTime(2026, 12, 3), done.ClosedOn);
            Assert.Equal("Add a replication-lag panel to the ledger dashboard", done.Title);

            var wontDo = Issue(export, "OPS-102");
            Assert.Equal(TrackerIssueState.WontDo, wontDo.State);
            Assert.Equal("Won't Do", wontDo.Reason);
            Assert.Equal(new DateTime(2026, 12, 5), wontDo.ClosedOn);

            Assert.Equal(TrackerIssueState.Open, Issue(export, "OPS-103").State);
            Assert.Equal(TrackerIssueState.Open, Issue(export, "OPS-104").State);
            Assert.Equal("Declined", Issue(export, "OPS-106").Reason);
            Assert.True(export.HasBodies);
        }

        [Fact]
        public void A_Jira_current_fields_CSV_without_Status_Category_reads_by_resolution_ISO_dates_and_a_Closed_status()
        {
            var export = TrackerExport.Read(Fixture("jira-export-current-fields.csv"));
            Assert.Equal(TrackerExportFormat.JiraCsv, export.Format);
            Assert.False(export.HasBodies);
            var done = Issue(export, "OPS-101");
            Assert.Equal("OPS-101", done.Url); // no site given: the key stands for the address
            Assert.Equal(TrackerIssueState.Done, done.State);
            Assert.Equal(new DateTime(2026, 12, 3), done.ClosedOn);
            Assert.Equal(TrackerIssueState.WontDo, Issue(export, "OPS-102").State);
            Assert.Equal("Won't Fix", Issue(export, "OPS-102").Reason);
            Assert.Equal(TrackerIssueState.Open, Issue(export, "OPS-103").State); // "Unresolved"
            var closedWithoutResolution = Issue(export, "OPS-107");
            Assert.Equal(TrackerIssueState.Done, closedWithoutResolution.State);
            Assert.Null(closedWithoutResolution.ClosedOn);
            Assert.Equal("Check the ledger's connection pool limits, replicas included", closedWithoutResolution.Title);
        }

        [Theory]
        [InlineData("01/Dec/26 3:15 PM", 2026, 12, 1)]
        [InlineData("1/Dec/26 11:59 PM", 2026, 12, 1)]
        [InlineData("01/Dec/2026 15:15", 2026, 12, 1)]
        [InlineData("2026-12-01 15:15", 2026, 12, 1)]
        [InlineData("2026-12-01T23:30:00.000+0000", 2026, 12, 1)]
        [InlineData("2026-12-01T00:30:00.000-0800", 2026, 12, 1)]
        [InlineData("01.12.2026 15:15", 2026, 12, 1)]
        [InlineData("\"Dec 1, 2026 3:15 PM\"", 2026, 12, 1)]
        public void Jira_dates_are_read_in_the_forms_Jira_writes_and_keep_the_day_written(string written, int year, int month, int day)
        {
            var csv = "Issue key,Status,Resolution,Resolved\nOPS-9,Done,Done," + written + "\n";
            var issue = Assert.Single(TrackerExport.Parse(csv, "jira.csv").Issues);
            Assert.Equal(new DateTime(year, month, day), issue.ClosedOn);
        }

        [Fact]
        public void A_numeric_date_with_slashes_is_refused_as_it_reads_two_ways()
        {
            var e = Refused("Issue key,Status,Resolution,Resolved\nOPS-9,Done,Done,02/11/2026 10:00\n", "jira.csv");
            Assert.Equal(2, e.Line);
            Assert.Contains("jira.csv, line 2: OPS-9: its Resolved date '02/11/2026 10:00' is not a date this reads", e.Message);
        }

        [Fact]
        public void A_Jira_CSV_saved_by_a_spreadsheet_with_semicolons_reads_too()
        {
            var export = TrackerExport.Parse("Issue key;Summary;Status;Resolution;Resolved\r\nOPS-5;\"Fix it; now\";Done;Done;2026-12-02 10:00\r\n", "jira.csv");
            var issue = Assert.Single(export.Issues);
            Assert.Equal("Fix it; now", issue.Title);
            Assert.Equal(new DateTime(2026, 12, 2), issue.ClosedOn);
        }

        [Theory]
        [InlineData("")]
        [InlineData("   \r\n\n")]
        [InlineData("\uFEFF")]
        [InlineData("[]")]
        [InlineData("[ ]\n")]
        public void An_empty_export_has_no_issues(string text)
        {
            var export = TrackerExport.Parse(text, "empty.json");
            Assert.Empty(export.Issues);
            Assert.Equal(TrackerExportFormat.Empty, export.Format);
            Assert.Empty(new OfflineTracker(export).Export.Issues);
        }

        [Fact]
        public void A_Jira_CSV_with_only_its_header_has_no_issues()
        {
            var export = TrackerExport.Parse("Summary,Issue key,Status,Resolution\r\n", "jira.csv");
            Assert.Empty(export.Issues);
        }

        [Fact]
        public void Text_that_is_no_export_is_refused_naming_the_file_and_how_it_begins()
        {
            var e = Refused("GraphQL: Could not resolve to a Repository with the name 'octo-org/payment-infra'. (repository)\n");
            Assert.Equal("issues.json", e.Source);
            Assert.Contains("issues.json, line 1: this is not a tracker export this reads (it begins 'GraphQL: Could not resolve", e.Message);
            Assert.Contains("gh issue list --state all", e.Message);
        }

        [Fact]
        public void A_CSV_without_an_Issue_key_column_is_refused_with_the_columns_it_has()
        {
            var e = Refused("time,message,host\n2026-12-01 10:00,disk full,db-1\n", "events.csv");
            Assert.Contains("events.csv, line 1: this CSV has no 'Issue key' column (its columns: time, message, host)", e.Message);
            Assert.Contains("Export Excel CSV", e.Message);
        }

        [Fact]
        public void A_Jira_CSV_without_Resolution_or_Status_Category_is_refused_as_closed_issues_cannot_be_told()
        {
            var e = Refused("Issue key,Summary,Status\nOPS-1,Fix,Done\n", "jira.csv");
            Assert.Contains("neither a Status Category nor a Resolution column", e.Message);
        }

        [Fact]
        public void A_Jira_row_without_a_key_or_with_a_shifted_key_is_refused_with_its_line()
        {
            var noKey = Refused("Issue key,Summary,Status,Resolution\nOPS-1,One,Done,Done\nOPS-2,\"two,\nlines\",Done,Done\n,Three,Done,Done\n", "jira.csv");
            Assert.Equal(5, noKey.Line);
            Assert.Contains("jira.csv, line 5: this row has no Issue key", noKey.Message);
            var shifted = Refused("Issue key,Status,Resolution\nDone,OPS-1,Done\n", "jira.csv");
            Assert.Contains("line 2: the Issue key 'Done' is not a Jira key", shifted.Message);
        }

        [Fact]
        public void A_quote_left_open_is_refused_with_the_line_it_opens_on_and_nothing_is_read()
        {
            var e = Refused("Issue key,Summary,Status,Resolution\nOPS-1,ok,Done,Done\nOPS-2,\"never closed,Done,Done\nOPS-3,x,Done,Done\n", "jira.csv");
            Assert.Contains("jira.csv, line 3: the quoted field that opens on this line is never closed", e.Message);
            Assert.Contains("Nothing was read from the file.", e.Message);
        }

        [Fact]
        public void A_gh_record_without_a_url_is_refused_naming_the_record_and_the_command()
        {
            var e = Refused("[\n  {\"number\": 1, \"url\": \"https://github.com/o/r/issues/1\", \"state\": \"OPEN\"},\n  {\"number\": 2, \"state\": \"OPEN\"}\n]\n");
            Assert.Equal(3, e.Line);
            Assert.Contains("issues.json, line 3: record 2 has no url", e.Message);
            Assert.Contains("--json number,url,state,stateReason,closedAt", e.Message);
        }

        [Fact]
        public void A_closed_gh_issue_without_stateReason_is_refused_rather_than_guessed_done()
        {
            var e = Refused("[{\"number\":5,\"state\":\"CLOSED\",\"url\":\"https://github.com/o/r/issues/5\"}]");
            Assert.Contains("record 1 (o/r#5) is CLOSED, and the export has no stateReason", e.Message);
        }

        [Theory]
        [InlineData("[{\"state\":\"OPEN\",\"url\":\"https://github.com/o/r/pull/5\"}]", "is a pull request's address")]
        [InlineData("[{\"state\":\"OPEN\",\"url\":\"not an address\"}]", "is not a GitHub issue's address")]
        [InlineData("[{\"state\":\"MERGED\",\"url\":\"https://github.com/o/r/issues/5\"}]", "has the state 'MERGED', which is neither OPEN nor CLOSED")]
        [InlineData("[{\"url\":\"https://github.com/o/r/issues/5\"}]", "has no state")]
        [InlineData("[{\"state\":\"CLOSED\",\"stateReason\":\"COMPLETED\",\"closedAt\":\"yesterday\",\"url\":\"https://github.com/o/r/issues/5\"}]", "its closedAt 'yesterday' is not a time")]
        [InlineData("[{\"state\":[\"OPEN\"],\"url\":\"https://github.com/o/r/issues/5\"}]", "its state is not text but a list")]
        [InlineData("[{\"title\":\"x\"}]", "has no url (as gh issue list --json ... url writes) nor web_url")]
        [InlineData("[42]", "record 1 is not an issue (a JSON object { ... }) but a number")]
        [InlineData("[{\"web_url\":\"https://gitlab.com/g/p/-/merge_requests/3\",\"state\":\"opened\"}]", "is a merge request's address")]
        [InlineData("[{\"web_url\":\"https://gitlab.com/g/p/-/issues/3\",\"state\":\"open\"}]", "neither opened nor closed")]
        [InlineData("[{\"url\":\"https://github.com/o/r/issues/1\",\"state\":\"OPEN\"},{\"web_url\":\"https://gitlab.com/g/p/-/issues/3\",\"state\":\"opened\"}]", "record 2 is a GitLab CLI issue, but the one on line 1 a GitHub CLI issue")]
        [InlineData("{\"url\":\"https://github.com/o/r/issues/1\",\"state\":\"OPEN\"}", "this is one JSON object, and an export is a list of issues")]
        public void A_bad_JSON_record_is_refused_with_what_is_wrong(string json, string expected)
        {
            var e = Refused(json);
            Assert.StartsWith("issues.json, line 1", e.Message);
            Assert.Contains(expected, e.Message);
        }

        [Fact]
        public void Broken_JSON_is_refused_with_the_line_where_it_breaks()
        {
            var e = Refused("[\n  {\"url\": \"https://github.com/o/r/issues/1\", \"state\": \"OPEN\"},\n  {\"url\": \"https://github.com/o/r/issues/2\", \"state\": \n");
            Assert.StartsWith("issues.json, line 4: this is not valid JSON", e.Message);
            Assert.Contains("Export it again: the file may have been cut off", e.Message);
        }

        [Fact]
        public void The_same_issue_twice_in_two_states_is_refused_but_twice_alike_is_read_once()
        {
            const string one = "{\"url\":\"https://github.com/o/r/issues/1\",\"state\":\"OPEN\"}";
            const string closed = "{\"url\":\"https://github.com/o/r/issues/1\",\"state\":\"CLOSED\",\"stateReason\":\"COMPLETED\",\"closedAt\":\"2026-12-01T10:00:00Z\"}";
            Assert.Single(TrackerExport.Parse("[" + one + ",\n" + one + "]", "x.json").Issues);
            var e = Refused("[" + one + ",\n" + closed + "]");
            Assert.Contains("issues.json, line 2: o/r#1 is in the export twice, on line 1 open and here closed on 2026-12-01", e.Message);
        }

        [Fact]
        public void Binary_content_and_broken_UTF8_are_refused_as_not_text()
        {
            var binary = Assert.Throws<TrackerExportException>(() => TrackerExport.Parse(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0, 1, 2 }, "issues.xlsx"));
            Assert.Contains("issues.xlsx: this is not text", binary.Message);
            var latin1 = Assert.Throws<TrackerExportException>(() => TrackerExport.Parse(Encoding.Latin1.GetBytes("Issue key,Summary,Status,Resolution\nOPS-1,Caf\u00e9,Done,Done\n"), "jira.csv"));
            Assert.Contains("jira.csv: the file is not UTF-8 text", latin1.Message);
        }

        [Fact]
        public void Control_characters_in_a_message_are_escaped_not_sent_to_the_terminal()
        {
            var e = Refused("[{\"url\":\"https://github.com/o/r/issues/1\",\"state\":\"\\u001b[31mOPEN\"}]");
            Assert.DoesNotContain('\u001b', e.Message);
            Assert.Contains("\\u001B[31mOPEN", e.Message);
        }

        [Theory]
        [InlineData("https://acme.atlassian.net", "https://acme.atlassian.net/")]
        [InlineData(" https://acme.atlassian.net/browse/ ", "https://acme.atlassian.net/")]
        [InlineData("https://jira.example.com/jira", "https://jira.example.com/jira/")]
        public void A_Jira_site_is_taken_as_the_root_its_addresses_hang_from(string given, string expected)
        {
            Assert.Equal(expected, TrackerExport.CheckSiteUrl(given)!.AbsoluteUri);
            var export = TrackerExport.Parse("Issue key,Status,Resolution\nOPS-1,Done,Done\n", "jira.csv", given);
            Assert.Equal(expected + "browse/OPS-1", Assert.Single(export.Issues).Url);
        }

        [Theory]
        [InlineData("acme.atlassian.net")]
        [InlineData("ftp://acme.atlassian.net")]
        [InlineData("https://acme.atlassian.net/?x=1")]
        public void A_site_that_is_no_web_address_is_refused_with_an_example(string given)
        {
            var e = Assert.Throws<ArgumentException>(() => TrackerExport.CheckSiteUrl(given));
            Assert.Contains("https://your-domain.atlassian.net", e.Message);
        }

        [Fact]
        public void A_site_given_with_a_GitHub_export_is_not_used_and_said_so()
        {
            var export = TrackerExport.Read(Fixture("gh-issue-list.json"), "https://acme.atlassian.net");
            Assert.Equal("https://github.com/octo-org/payments-infra/issues/41", export.Issues[0].Url);
            var warning = Assert.Single(export.Warnings);
            Assert.Contains("the Jira site https://acme.atlassian.net was not used: this is a GitHub CLI export", warning);
        }
    }
}
