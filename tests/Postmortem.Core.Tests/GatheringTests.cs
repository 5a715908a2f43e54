using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Postmortems.Gathering;
using Xunit;

namespace Postmortems.Tests
{
    public class GatheringTests
    {
        private static readonly DateTime Day = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);

        private static string Fixture(string name)
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !Directory.Exists(Path.Combine(folder.FullName, "tests", "fixtures", "timeline"))) folder = folder.Parent;
            return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("tests/fixtures not found"), "tests", "fixtures", "timeline", name);
        }

        private static List<GatheredItem> Gather(string fixture, GatherOptions? options = null)
        {
            using var stream = File.OpenRead(Fixture(fixture));
            return TimelineGatherer.Read(stream, fixture, options ?? new GatherOptions()).ToList();
        }

        private static List<TimelineEvent> Events(string fixture, GatherOptions? options = null) =>
            Gather(fixture, options).Where(i => i.Event is not null).Select(i => i.Event!).OrderBy(e => e.UtcTime).ToList();

        private static DateTime At(int hour, int minute, int second = 0) => Day.AddHours(hour).AddMinutes(minute).AddSeconds(second);

        [Theory]
        [InlineData("1000000000", "2001-09-09T01:46:40")]
        [InlineData("1795183320", "2026-11-20T14:02:00")]
        [InlineData("1795183320.5", "2026-11-20T14:02:00.5")]
        [InlineData("1795183320123", "2026-11-20T14:02:00.123")]
        [InlineData("1795183320123456", "2026-11-20T14:02:00.123456")]
        [InlineData("1795183320123456700", "2026-11-20T14:02:00.1234567")]
        public void Epoch_numbers_are_told_apart_by_magnitude(string number, string expected)
        {
            Assert.True(EpochTime.TryParse(number, out var utc));
            Assert.Equal(DateTime.Parse(expected + "Z").ToUniversalTime(), utc);
            Assert.Equal(DateTimeKind.Utc, utc.Kind);
        }

        [Fact]
        public void Kubernetes_core_v1_events_as_json_give_the_first_time_the_object_reason_message_and_repeat_count()
        {
            var events = Events("kubectl-events.json");
            Assert.Equal(3, events.Count);
            Assert.Equal(At(13, 58, 41), events[0].UtcTime);
            Assert.Equal("Node k3s-2: Rebooted: Node k3s-2 has been rebooted, boot id: 4c1f0e2a-61d7-4b0e-9a4a-1e6a7d0c9b11", events[0].Event);
            Assert.Equal(At(14, 0, 30).AddTicks(4123180), events[1].UtcTime);
            Assert.Equal(At(14, 1, 12), events[2].UtcTime);
            Assert.EndsWith("(14 times, last at 2026-11-20 15:14:03 UTC)", events[2].Event);
            Assert.All(events, e => Assert.Equal("kubectl", e.Source));
            Assert.All(events, e => Assert.Equal(Milestone.None, e.Milestone));
        }

        [Fact]
        public void Kubernetes_events_as_yaml_and_events_k8s_io_v1_read_the_same_way()
        {
            var yaml = Events("kubectl-events.yaml");
            Assert.Equal(2, yaml.Count);
            Assert.Equal("Pod vault/openbao-0: Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 503 (3 times, last at 2026-11-20 14:06:40 UTC)", yaml[1].Event);
            var v1 = Assert.Single(Events("events-k8s-io.json"));
            Assert.Equal(At(14, 2, 5), v1.UtcTime);
            Assert.Equal("Pod vault/openbao-0: Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 503 (5 times, last at 2026-11-20 14:06:40 UTC)", v1.Event);
        }

        [Fact]
        public void Alertmanager_webhook_gives_firing_at_startsAt_and_resolved_at_endsAt_and_marks_the_first_firing()
        {
            var events = Events("alertmanager-webhook.json");
            Assert.Equal(3, events.Count);
            Assert.Equal((At(14, 2), "Alert VaultSealed (openbao-0) firing: OpenBao is sealed", Milestone.FirstSymptom), (events[0].UtcTime, events[0].Event, events[0].Milestone));
            Assert.Equal((At(14, 4), Milestone.None), (events[1].UtcTime, events[1].Milestone));   // 15:04+01:00
            Assert.Equal((At(15, 21, 30), "Alert VaultSealed (openbao-0) resolved"), (events[2].UtcTime, events[2].Event));
            Assert.All(events, e => Assert.Equal("alertmanager", e.Source));
        }

        [Fact]
        public void Alertmanager_v2_alert_lists_give_firing_alerts()
        {
            var e = Assert.Single(Events("alertmanager-v2-alerts.json"));
            Assert.Equal((At(14, 12), Milestone.FirstSymptom), (e.UtcTime, e.Milestone));
            Assert.StartsWith("Alert NextcloudErrors (nextcloud) firing", e.Event);
        }

        [Fact]
        public void Milestone_marks_the_earliest_event_and_None_marks_nothing()
        {
            var marked = Events("kubectl-events.json", new GatherOptions { Milestone = Milestone.FirstSymptom });
            Assert.Equal(new[] { Milestone.FirstSymptom, Milestone.None, Milestone.None }, marked.Select(e => e.Milestone));
            Assert.All(Events("alertmanager-webhook.json", new GatherOptions { Milestone = Milestone.None }), e => Assert.Equal(Milestone.None, e.Milestone));
        }

        [Fact]
        public void Slack_exports_read_epoch_ts_names_and_markup_and_skip_joins()
        {
            var events = Events("slack-incident.json");
            Assert.Equal(4, events.Count);
            Assert.Equal(At(14, 9), events[0].UtcTime);
            Assert.Equal("ana: Vault seal alert just fired, looking", events[0].Event);
            Assert.Equal("Ben Okafor: gitea & nextcloud are in CrashLoopBackOff, see the pods dashboard (https://grafana.home/d/k8s) @U04ANA", events[1].Event);
            Assert.All(events, e => Assert.Equal("slack", e.Source));
        }

        [Theory]
        [InlineData("pushpin", 3)]
        [InlineData(":pushpin:", 3)]
        [InlineData("+1", 1)]
        [InlineData("eyes", 0)]
        public void Slack_Reaction_keeps_only_messages_marked_with_it(string reaction, int count)
        {
            Assert.Equal(count, Events("slack-incident.json", new GatherOptions { Reaction = reaction }).Count);
        }

        [Fact]
        public void Journald_reads_microsecond_times_units_hosts_and_byte_array_messages()
        {
            var events = Events("journal.json");
            Assert.Equal(3, events.Count);
            Assert.Equal(At(14, 1).AddTicks(1234560), events[1].UtcTime);
            Assert.Equal("openbao.service on k3s-2: Core is sealed", events[2].Event);
            Assert.All(events, e => Assert.Equal("journald", e.Source));
        }

        [Fact]
        public void Csv_reads_usual_columns_quoted_fields_offsets_milestones_and_sources()
        {
            var events = Events("events.csv");
            Assert.Equal(3, events.Count);
            Assert.Equal((At(14, 9), "On-call acknowledged the page, \"investigating\"", Milestone.Detected, "ntfy"), (events[1].UtcTime, events[1].Event, events[1].Milestone, events[1].Source));
            Assert.Equal((At(14, 31), "Unsealed OpenBao\nwith three key shares"), (events[2].UtcTime, events[2].Event));
        }

        [Fact]
        public void Csv_takes_tabs_and_semicolons_and_named_columns()
        {
            var tabbed = Events("tab-separated.tsv", new GatherOptions { TimeProperty = "occurred", MessageProperty = "note" });
            Assert.Equal(new[] { At(14, 2), At(14, 3) }, tabbed.Select(e => e.UtcTime));
            Assert.Equal("disk at 91%", tabbed[0].Event);
            Assert.Single(Events("semicolon.csv", new GatherOptions { TimeProperty = "when", MessageProperty = "what" }));
        }

        [Fact]
        public void Csv_without_a_time_column_names_the_columns_it_has()
        {
            var error = Assert.Throws<TimelineSourceException>(() => Events("tab-separated.tsv"));
            Assert.Contains("-TimeProperty", error.Message);
            Assert.Contains("occurred, note, host", error.Message);
        }

        [Fact]
        public void Json_lines_read_any_epoch_unit_and_iso_times()
        {
            var events = Events("app-log.jsonl");
            Assert.Equal(new[] { At(14, 2, 11).AddMilliseconds(532), At(14, 3, 20), At(14, 4, 20).AddMilliseconds(123) }, events.Select(e => e.UtcTime));
            Assert.Equal("vault: permission denied reading secret gitea/db", events[0].Event);
        }

        [Fact]
        public void Json_lines_that_change_shape_are_each_read_by_their_own_properties()
        {
            // The reader keeps a line's columns for the next line with the same properties; a line shaped otherwise is
            // looked at afresh, and one without the text is that line's problem alone.
            var text = string.Join("\n",
                "{\"time\":\"2026-11-20T14:00:00Z\",\"msg\":\"one\"}",
                "{\"time\":\"2026-11-20T14:01:00Z\",\"msg\":\"two\"}",
                "{\"ts\":\"2026-11-20T14:02:00Z\",\"message\":\"three\",\"source\":\"api\",\"milestone\":\"Detected\"}",
                "{\"msg\":\"four\",\"time\":\"2026-11-20T14:03:00Z\"}",
                "{\"time\":\"2026-11-20T14:04:00Z\"}",
                "{\"time\":\"2026-11-20T14:05:00Z\",\"msg\":\"six\"}");
            var items = TimelineGatherer.Read(text, "shapes.jsonl", new GatherOptions()).ToList();
            var events = items.Where(i => i.Event is not null).Select(i => i.Event!).ToList();
            Assert.Equal(new[] { "one", "two", "three", "four", "six" }, events.Select(e => e.Event));
            Assert.Equal(new[] { At(14, 0), At(14, 1), At(14, 2), At(14, 3), At(14, 5) }, events.Select(e => e.UtcTime));
            Assert.Equal("api", events[2].Source);
            Assert.Equal(Milestone.Detected, events[2].Milestone);
            Assert.Equal("jsonlines", events[3].Source);
            var problem = Assert.Single(items, i => i.Problem is not null);
            Assert.Equal(5, problem.Line);
            Assert.Contains("shapes.jsonl, line 5:", problem.Problem);
        }

        [Fact]
        public void Nested_properties_named_with_dots_are_read_on_every_line()
        {
            var text = "{\"event\":{\"at\":\"2026-11-20T14:00:00Z\"},\"log\":{\"text\":\"one\"}}\n" +
                       "{\"event\":{\"at\":\"2026-11-20T14:01:00Z\"},\"log\":{\"text\":\"two\"}}";
            var options = new GatherOptions { TimeProperty = "event.at", MessageProperty = "log.text" };
            var events = TimelineGatherer.Read(text, "nested.jsonl", options).Select(i => i.Event!).ToList();
            Assert.Equal(new[] { "one", "two" }, events.Select(e => e.Event));
            Assert.Equal(new[] { At(14, 0), At(14, 1) }, events.Select(e => e.UtcTime));
        }

        [Fact]
        public void Plain_text_read_with_a_JSON_format_says_it_is_not_that_format_rather_than_asking_for_one()
        {
            var error = Assert.Throws<TimelineSourceException>(() => Gather("events.csv", new GatherOptions { Format = TimelineFormat.Alertmanager }));
            Assert.Contains("events.csv: this is not Alertmanager content", error.Message);
            Assert.Contains("Leave -Format out", error.Message);
            Assert.DoesNotContain("cannot tell the format", error.Message);
        }

        [Fact]
        public void A_time_of_day_without_a_day_asks_for_the_reader_s_Date()
        {
            var items = TimelineGatherer.Read("time,event\n14:02,Alert fired\n", "desk.csv", new GatherOptions()).ToList();
            var problem = Assert.Single(items).Problem;
            Assert.Contains("'14:02' is a time of day, and no day was given to put it on. Give Import-TimelineEvent -Date", problem);
            Assert.DoesNotContain("Set-Postmortem", problem);
            var dated = TimelineGatherer.Read("time,event\n14:02,Alert fired\n", "desk.csv", new GatherOptions { Date = new DateTime(2026, 11, 20) }).Single();
            Assert.Equal(At(14, 2), dated.Event!.UtcTime);
        }

        [Fact]
        public void A_bad_line_is_reported_with_its_line_and_the_rest_is_still_read()
        {
            var items = Gather("malformed.jsonl");
            Assert.Equal(new[] { "first good line", "last good line" }, items.Where(i => i.Event is not null).Select(i => i.Event!.Event));
            var problems = items.Where(i => i.Problem is not null).ToList();
            Assert.Equal(new long[] { 2, 3, 4 }, problems.Select(p => p.Line));
            Assert.Contains("malformed.jsonl, line 3 (record 3): 'not a time' is not a time", problems[1].Problem);
        }

        [Fact]
        public void A_truncated_document_reports_where_it_ends()
        {
            var error = Assert.Throws<TimelineSourceException>(() => Gather("kubectl-events-truncated.json"));
            Assert.Contains("kubectl-events-truncated.json, line ", error.Message);
            Assert.Contains("not valid JSON", error.Message);
        }

        [Fact]
        public void Content_of_no_known_format_names_the_candidates()
        {
            var error = Assert.Throws<TimelineSourceException>(() => Gather("unknown.txt"));
            Assert.Contains("KubernetesEvents, Alertmanager, Slack, Journald, Csv, JsonLines", error.Message);
        }

        [Fact]
        public void Since_and_Until_window_the_events()
        {
            var events = Events("kubectl-events.json", new GatherOptions { Since = At(14, 0), Until = At(14, 1) });
            Assert.Equal(At(14, 0, 30).AddTicks(4123180), Assert.Single(events).UtcTime);
        }

        [Fact]
        public void A_large_list_streams_across_buffer_boundaries_with_every_element_whole()
        {
            // Elements of varying size so that many straddle the reader's 64 KB buffer.
            var json = new StringBuilder("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[\n");
            const int count = 5000;
            for (int i = 0; i < count; i++)
            {
                if (i > 0) json.Append(",\n");
                json.Append("{\"kind\":\"Event\",\"firstTimestamp\":\"").Append(Day.AddSeconds(i).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"))
                    .Append("\",\"reason\":\"R").Append(i).Append("\",\"message\":\"").Append(new string('x', i % 300)).Append("\",\"involvedObject\":{\"kind\":\"Pod\",\"name\":\"p\",\"namespace\":\"n\"}}");
            }
            json.Append("\n]}");
            var items = TimelineGatherer.Read(json.ToString(), "big.json", new GatherOptions()).ToList();
            Assert.Equal(count, items.Count(i => i.Event is not null));
            Assert.Equal(Day.AddSeconds(4999), items.Last().Event!.UtcTime);
            Assert.Equal(4999 + 2, items.Last().Line);
            Assert.StartsWith("Pod n/p: R4999: ", items.Last().Event!.Event);
        }

        [Fact]
        public void The_same_event_is_added_to_a_timeline_only_once()
        {
            var p = new Postmortem("t");
            foreach (var e in Events("kubectl-events.json").Concat(Events("kubectl-events.json"))) p.Timeline.Add(e);
            Assert.Equal(3, p.Timeline.Count);
            // A copy that marks a milestone gives the event its milestone.
            p.Timeline.Add(p.Timeline[0].WithMilestone(Milestone.FirstSymptom));
            Assert.Equal(3, p.Timeline.Count);
            Assert.Equal(Milestone.FirstSymptom, p.Timeline[0].Milestone);
        }
    }
}
