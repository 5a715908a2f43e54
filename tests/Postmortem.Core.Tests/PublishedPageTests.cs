using System;
using System.Linq;
using System.Text.RegularExpressions;
using Postmortems.BookStack;
using Postmortems.BookStackStandIn;
using Postmortems.Rendering;
using Postmortems.Serialization;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>
    /// The page body Publish-Postmortem sends for a two-day incident, compared with Golden/published-page.md (rewrite it
    /// with POSTMORTEM_UPDATE_GOLDEN=1 and review the diff), and what BookStack, as the stand-in models it, stores of it.
    /// </summary>
    public sealed class PublishedPageTests : IDisposable
    {
        private const string TokenId = "tkn1d";
        private const string Secret = "s3cr3t-never-shown-0123456789";

        private readonly BookStackServer _server = new BookStackServer();

        public PublishedPageTests()
        {
            _server.Start();
            _server.AddToken(TokenId, Secret);
            _server.AddBook(79, "Ansiblestack");
        }

        public void Dispose() => _server.Dispose();

        /// <summary>
        /// A two-day incident: 40 events from 21:40 on 2026-11-20 to 14:38 on 2026-11-21, every milestone, gathered and
        /// manual events, action items open and done, tracked by key, by an address ending in a key, by an issue address
        /// and by a long address, and two sign-offs.
        /// </summary>
        internal static Postmortem TwoDayIncident()
        {
            var p = new Postmortem("Ledger replication stalled over the weekend batch", new Guid("5e0c1a2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d"))
            {
                Date = new DateTime(2026, 11, 20),
                Severity = Severity.P1,
                Status = IncidentStatus.Resolved,
                Context = IncidentContext.Work,
                TrackingUrl = "https://jira.example.com/browse/{0}",
                ExecutiveSummary = "Replication from the ledger primary to its two replicas stalled for 17 hours. Reports read stale balances until the replicas were rebuilt.",
                RootCause = "A long-running batch held a replication slot open while the WAL volume filled.",
                LessonsLearned = "A batch that can hold a slot needs a time limit.",
            };
            p.Authors.Add("Priya Natarajan");
            p.Reviewers.Add("Marcus Lee");
            p.Reviewers.Add("Doe, Jane");
            p.Impact.ServicesAffected.Add("ledger");
            p.Impact.ServicesAffected.Add("reports, nightly");
            p.Impact.UsersAffected = "finance team, about 40 people";
            p.Impact.DataLoss = false;
            p.Impact.RevenueImpact = "None; the month-end close moved by a day.";

            var start = new DateTime(2026, 11, 20, 21, 40, 0, DateTimeKind.Utc);
            var milestones = new[]
            {
                (0, Milestone.FirstSymptom), (4, Milestone.Detected), (7, Milestone.InvestigationStarted), (22, Milestone.RootCauseIdentified),
                (27, Milestone.MitigationApplied), (33, Milestone.ServiceRestored), (39, Milestone.Resolved),
            };
            var sources = new[] { "alertmanager", null, "slack", "kubectl", null, "grafana", "pagerduty", null };
            for (int i = 0; i < 40; i++)
            {
                // Uneven steps, 13 to 49 minutes: the incident runs past midnight into the next afternoon.
                var time = start.AddMinutes(i * 26 + (i * 7 % 11) - 5 * (i > 0 ? 1 : 0));
                var milestone = milestones.FirstOrDefault(m => m.Item1 == i).Item2;
                var text = milestone == Milestone.None ? $"Step {i + 1}: replica lag checked, {i * 3 + 12} GB behind" : $"{MilestoneGuide.Words(milestone)}: ledger replication, step {i + 1}";
                p.Timeline.Add(new TimelineEvent(time, text, milestone, sources[i % sources.Length]));
            }

            p.Whys.Add("Why did reports read stale balances? The replicas had stopped applying WAL.");
            p.Whys.Add("Why did they stop? The WAL volume on the primary filled.");
            p.ContributingFactors.Add("No alert on replication slot age");
            p.WentWell.Add("The replicas rebuilt cleanly from the nightly base backup");
            p.WentPoorly.Add("Nobody owned the weekend batch");

            p.ActionItems.Add(new ActionItem("Alert when a replication slot is older than one hour")
            {
                Owner = "database team", DueDate = new DateTime(2026, 12, 4), Priority = ActionPriority.P1, Tracking = "OPS-123",
            });
            p.ActionItems.Add(new ActionItem("Put a time limit on the weekend batch")
            {
                Owner = "finance engineering", DueDate = new DateTime(2026, 12, 11), Priority = ActionPriority.P2,
                Tracking = "https://github.com/acme/ledger-batch/issues/42",
            });
            p.ActionItems.Add(new ActionItem("Write the replica rebuild runbook")
            {
                Owner = "Priya Natarajan", DueDate = new DateTime(2026, 11, 27), Priority = ActionPriority.P2, Status = ActionItemStatus.Done, DoneDate = new DateTime(2026, 11, 30),
                Tracking = "https://wiki.example.com/books/runbooks/page/rebuilding-a-ledger-replica-from-the-nightly-base-backup",
            });
            p.ActionItems.Add(new ActionItem("Review WAL volume sizing")
            {
                Owner = "platform", DueDate = new DateTime(2026, 12, 18), Priority = ActionPriority.P3,
                Tracking = "https://jira.example.com/browse/PLAT-77",
            });
            p.ActionItems.Add(new ActionItem("Name an owner for every scheduled batch") { Owner = "Marcus Lee", Priority = ActionPriority.P3 });

            p.SignOffs.Add(new SignOff("Marcus Lee", new DateTime(2026, 11, 24, 16, 5, 0, DateTimeKind.Utc)));
            p.SignOffs.Add(new SignOff("Doe, Jane", new DateTime(2026, 11, 25, 9, 30, 0, DateTimeKind.Utc)));
            return p;
        }

        private PostmortemPublisher Publisher() => new PostmortemPublisher(new BookStackClient(
            new BookStackConnection(_server.BaseUri, TokenId, Secret, allowUnencryptedAuthentication: true),
            retry: new BookStackRetryPolicy { FirstBackoff = TimeSpan.FromMilliseconds(1) }));

        [Fact]
        public void The_fixture_is_a_two_day_incident_with_forty_events()
        {
            var p = TwoDayIncident();
            Assert.Equal(40, p.Timeline.Count);
            Assert.Equal(new DateTime(2026, 11, 20), p.Timeline[0].UtcTime.Date);
            Assert.Equal(new DateTime(2026, 11, 21), p.Timeline[39].UtcTime.Date);
            Assert.Equal(7, p.Timeline.Count(e => e.Milestone != Milestone.None));
        }

        [Fact]
        public void The_page_body_publish_sends_matches_the_golden_file()
        {
            var publisher = Publisher();
            var plan = publisher.Plan(TwoDayIncident(), PublishTarget.Book(79), PageFormat.Markdown);
            GoldenFile.AssertMatches("published-page.md", plan.Payload.Markdown!);
        }

        [Fact]
        public void Dates_in_the_page_tables_are_kept_whole_by_the_pages_style_and_read_back_as_the_same_dates()
        {
            var p = TwoDayIncident();
            var body = Publisher().Plan(p, PublishTarget.Book(79), PageFormat.Markdown).Payload.Markdown!;
            // The dates stay plain text a reviewer can type; the page's own style keeps them whole (BookStack breaks words
            // anywhere in a table cell): one style element, the first line of the block after the Timeline table.
            Assert.Contains("| 2026-11-20 21:40 | ", body);
            Assert.Contains("| 2026-11-21 00:", body);
            Assert.Contains("| database team | 2026-12-04 | P1 |", body);
            var lines = body.Split('\n');
            int block = Array.IndexOf(lines, PostmortemMarkdown.ChartStart);
            Assert.True(block > 0 && lines[block - 1].Length == 0 && lines[block - 2].StartsWith("| ", StringComparison.Ordinal), "the block follows the Timeline table");
            Assert.Equal(PostmortemMarkdown.PageStyle, lines[block + 1]);
            Assert.Single(lines, l => l.Contains("<style"));
            Assert.Contains("white-space:nowrap", PostmortemMarkdown.PageStyle);

            // Read back as Merge-Postmortem and Import-Postmortem -BookStackPage read it: without front matter, then with it.
            var read = PostmortemMarkdownReader.Read(body, "page", p.Title).Postmortem;
            Assert.Equal(p.Timeline.Select(e => (e.UtcTime, e.Event, e.Milestone, e.Source)), read.Timeline.Select(e => (e.UtcTime, e.Event, e.Milestone, e.Source)));
            Assert.Equal(p.ActionItems.Select(a => (a.Action, a.DueDate, a.Status)), read.ActionItems.Select(a => (a.Action, a.DueDate, a.Status)));
            var withFront = PostmortemMarkdown.Render(p, new MarkdownOptions { FrontMatter = true }).Split(new[] { "\n---\n" }, 2, StringSplitOptions.None)[0] + "\n---\n" + body;
            var result = PostmortemMarkdownReader.Read(withFront, "page", p.Title);
            Assert.Empty(result.Warnings);
            Assert.Equal(PostmortemDump.Of(p), PostmortemDump.Of(result.Postmortem));
        }

        [Fact]
        public void An_approximate_time_is_published_with_its_tilde_and_read_back_so()
        {
            var p = TwoDayIncident();
            p.Timeline.Replace(3, p.Timeline[3].WithApproximate(true));
            var body = Publisher().Plan(p, PublishTarget.Book(79), PageFormat.Markdown).Payload.Markdown!;
            Assert.Contains("| ~" + p.Timeline[3].UtcTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " | ", body);
            var read = PostmortemMarkdownReader.Read(body, "page", p.Title).Postmortem;
            Assert.Equal(p.Timeline.Select(e => (e.UtcTime, e.Approximate)), read.Timeline.Select(e => (e.UtcTime, e.Approximate)));
            Assert.Single(read.Timeline, e => e.Approximate);
        }

        [Fact]
        public void The_tracking_cells_show_short_links_to_the_full_addresses()
        {
            var body = Publisher().Plan(TwoDayIncident(), PublishTarget.Book(79), PageFormat.Markdown).Payload.Markdown!;
            Assert.Contains("| Open | [OPS-123](https://jira.example.com/browse/OPS-123) |", body);
            Assert.Contains("| Open | [ledger-batch#42](https://github.com/acme/ledger-batch/issues/42) |", body);
            Assert.Contains("| Done (2026\u201111\u201130) | [rebuilding-a-ledger-replica-fro…](https://wiki.example.com/books/runbooks/page/rebuilding-a-ledger-replica-from-the-nightly-base-backup) |", body);
            Assert.Contains("| Open | [PLAT-77](https://jira.example.com/browse/PLAT-77) |", body);
        }

        [Fact]
        public void BookStack_stores_the_body_with_its_table_style_and_a_chart_that_refers_to_no_id_and_it_reads_back_whole()
        {
            var p = TwoDayIncident();
            var publisher = Publisher();
            var plan = publisher.Plan(p, PublishTarget.Book(79), PageFormat.Markdown);
            var published = publisher.Execute(plan);
            var stored = Assert.Single(_server.Pages);
            Assert.Equal(plan.Payload.Markdown!.TrimEnd(), stored.Markdown);   // trimmed, as Laravel does every input

            foreach (var html in new[] { stored.Html, stored.RawHtml })
            {
                var chart = Regex.Match(html, "<div class=\"pm-chart\" id=\"bkmrk-[^\"]*\">\\s*(<svg .*?</svg>)\\s*</div>", RegexOptions.Singleline);
                Assert.True(chart.Success, "the chart is not stored as a div holding the svg");
                var svg = chart.Groups[1].Value;
                Assert.DoesNotContain("url(", svg);
                Assert.DoesNotContain(" id=", svg);
                Assert.DoesNotContain("href", svg);
                var fills = Regex.Matches(svg, " fill=\"([^\"]*)\"").Cast<Match>().Select(m => m.Groups[1].Value).ToList();
                Assert.NotEmpty(fills);
                Assert.All(fills, fill => Assert.Matches("^(#[0-9a-f]{3}|#[0-9a-f]{6}|none)$", fill));
                Assert.Equal(5, Regex.Matches(svg, "<rect class=\"pm-phase\"[^>]*fill=\"#[0-9a-f]{6}\"").Count);

                // One title (the page's name): the body has no heading of its own above the header.
                Assert.DoesNotContain("<h1", html);
                // BookStack keeps the page's style element (as v24.02.3 does), so no date in a table cell wraps.
                Assert.Matches("<style[^>]*>\\[id\\^=\"bkmrk-timeline\"\\]\\+table td:first-child,.*white-space:nowrap\\}.*</style>", html);
                Assert.Contains("<td>2026-11-21 00:", html);
                Assert.Contains("<td>2026-12-04</td>", html);
                Assert.Contains("<a href=\"https://github.com/acme/ledger-batch/issues/42\">ledger-batch#42</a>", html);
                Assert.Contains("<sub>", html);
                Assert.Contains("Signed off:", html);
            }

            // Read back as Merge-Postmortem reads it, with what the draft knows of the page.
            var client = new BookStackClient(new BookStackConnection(_server.BaseUri, TokenId, Secret, allowUnencryptedAuthentication: true));
            var pulled = new PostmortemPuller(client).Read(client.GetPage(stored.Id), p);
            Assert.Empty(pulled.Warnings);
            Assert.Equal(PostmortemDump.Of(p), PostmortemDump.Of(pulled.Postmortem));
            Assert.Contains(PageColumns.TimelineMilestone, pulled.Columns);
            Assert.Contains(PageColumns.ActionItemTracking, pulled.Columns);
            Assert.Equal(published.Id, stored.Id);
        }
    }
}
