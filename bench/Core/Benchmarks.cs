using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using Markdig;
using Postmortems.Gathering;
using Postmortems.Rendering;
using Postmortems.Rules;
using Postmortems.Serialization;

namespace Postmortems.Benchmarks
{
    /// <summary>Reading a time as Add-TimelineEvent does for every piped object: an RFC 3339 string should cost no allocation.</summary>
    public class TimeParsing
    {
        private static readonly DateTime? IncidentDate = new DateTime(2026, 11, 20);
        private readonly object _boxed = new DateTime(2026, 11, 20, 14, 2, 7, DateTimeKind.Utc);

        [Benchmark(Baseline = true, Description = "RFC 3339, UTC: 2026-11-20T14:02:07Z")]
        public DateTime Rfc3339() => Parse("2026-11-20T14:02:07Z");

        [Benchmark(Description = "RFC 3339, fraction and offset")]
        public DateTime Rfc3339Offset() => Parse("2026-11-20T15:02:07.123+01:00");

        [Benchmark(Description = "Time of day on the incident date: 14:02")]
        public DateTime TimeOfDay() => Parse("14:02");

        [Benchmark(Description = "A DateTime object")]
        public DateTime DateTimeObject() => Parse(_boxed);

        private static readonly TimeReading Berlin = new TimeReading { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin") };

        [Benchmark(Description = "RFC 2822: Sun, 21 Oct 2018 23:09:19 +0000")]
        public DateTime Rfc2822() => Parse("Sun, 21 Oct 2018 23:09:19 +0000");

        [Benchmark(Description = "Common log format: 21/Oct/2018:23:09:19 +0000")]
        public DateTime CommonLog() => Parse("21/Oct/2018:23:09:19 +0000");

        [Benchmark(Description = "Syslog: Oct 21 23:09:19")]
        public DateTime Syslog() => Parse("Oct 21 23:09:19");

        [Benchmark(Description = "Epoch milliseconds: 1540163359000")]
        public DateTime EpochMilliseconds() => Parse("1540163359000");

        [Benchmark(Description = "Europe/Berlin: 30.11.2026 10:16")]
        public DateTime Zoned()
        {
            if (!TimelineTime.TryParse("30.11.2026 10:16", IncidentDate, Berlin, out var utc, out var problem)) throw new InvalidOperationException(problem);
            return utc;
        }

        private static DateTime Parse(object value)
        {
            if (!TimelineTime.TryParse(value, IncidentDate, out var utc, out var problem)) throw new InvalidOperationException(problem);
            return utc;
        }
    }

    /// <summary>Building a 10,000-event timeline, which keeps time order and drops duplicates as events arrive.</summary>
    public class TimelineBuilding
    {
        private TimelineEvent[] _inOrder = Array.Empty<TimelineEvent>();
        private TimelineEvent[] _shuffled = Array.Empty<TimelineEvent>();
        private TimelineEvent[] _newestFirst = Array.Empty<TimelineEvent>();

        [GlobalSetup]
        public void Setup()
        {
            _inOrder = Enumerable.Range(0, 10_000).Select(i => new TimelineEvent(Samples.Start.AddSeconds(i), $"event {i}")).ToArray();
            var random = new Random(20261120);
            _shuffled = _inOrder.OrderBy(_ => random.Next()).ToArray();
            _newestFirst = _inOrder.Reverse().ToArray();
        }

        [Benchmark(Baseline = true, Description = "Add 10,000 events in time order")]
        public TimelineEvent InOrder() => Build(_inOrder);

        [Benchmark(Description = "Add 10,000 events in random order")]
        public TimelineEvent Shuffled() => Build(_shuffled);

        [Benchmark(Description = "Add 10,000 events newest first")]
        public TimelineEvent NewestFirst() => Build(_newestFirst);

        // Read once at the end, as a render or a check would: the timeline orders what arrived out of order then.
        private static TimelineEvent Build(TimelineEvent[] events)
        {
            var postmortem = new Postmortem("bench");
            foreach (var e in events) postmortem.Timeline.Add(e);
            return postmortem.Timeline[0];
        }
    }

    /// <summary>Rendering 10,000 events and 1,000 action items, against Markdig's own ToHtml of the same Markdown (the floor).</summary>
    public class Rendering
    {
        private Postmortem _postmortem = null!;
        private string _markdown = "";

        [GlobalSetup]
        public void Setup()
        {
            _postmortem = Samples.Large();
            _markdown = PostmortemMarkdown.Render(_postmortem);
        }

        [Benchmark(Baseline = true, Description = "Floor: Markdig ToHtml of the same Markdown")]
        public string MarkdigFloor() => Markdown.ToHtml(_markdown, PostmortemHtml.Pipeline);

        [Benchmark(Description = "Markdown")]
        public string ToMarkdown() => PostmortemMarkdown.Render(_postmortem);

        [Benchmark(Description = "HTML page, no chart")]
        public string ToHtml() => PostmortemHtml.RenderPage(_postmortem, timelineChart: false);

        [Benchmark(Description = "HTML page with the timeline chart")]
        public string ToHtmlWithChart() => PostmortemHtml.RenderPage(_postmortem);

        [Benchmark(Description = "Timeline chart (SVG) alone")]
        public string? Chart() => TimelineChart.Render(_postmortem);
    }

    /// <summary>Test-Postmortem's rules over the large postmortem (target: 200 ms).</summary>
    public class Validation
    {
        private Postmortem _postmortem = null!;
        private RuleSettings _settings = null!;

        [GlobalSetup]
        public void Setup()
        {
            _postmortem = Samples.Large();
            _settings = RuleSettings.Default();
        }

        [Benchmark(Description = "Every rule, 10,000 events + 1,000 items")]
        public int CheckLarge() => PostmortemLinter.Check(_postmortem, _settings).Count;
    }

    /// <summary>Saving and reading one corpus document, as Export-Postmortem and Import-Postmortem do (without the file system).</summary>
    public class Drafts
    {
        private Postmortem _postmortem = null!;
        private string _yaml = "";
        private string _markdown = "";

        [GlobalSetup]
        public void Setup()
        {
            _postmortem = Samples.Small();
            _yaml = PostmortemYaml.Write(_postmortem);
            _markdown = PostmortemMarkdown.Render(_postmortem, frontMatter: true);
        }

        [Benchmark(Baseline = true, Description = "Write a YAML draft")]
        public string WriteYaml() => PostmortemYaml.Write(_postmortem);

        [Benchmark(Description = "Read a YAML draft")]
        public object ReadYaml() => PostmortemYaml.Read(_yaml, "bench.yaml");

        [Benchmark(Description = "Write Markdown with front matter")]
        public string WriteMarkdown() => PostmortemMarkdown.Render(_postmortem, frontMatter: true);

        [Benchmark(Description = "Read Markdown with front matter")]
        public object ReadMarkdown() => PostmortemMarkdownReader.Read(_markdown, "bench.md");
    }

    /// <summary>Import-TimelineEvent's readers on 10,000 records held in memory: the per-record cost of gathering.</summary>
    public class Gathering
    {
        private byte[] _jsonLines = Array.Empty<byte>();
        private byte[] _kubectl = Array.Empty<byte>();

        [GlobalSetup]
        public void Setup()
        {
            _jsonLines = Encoding.UTF8.GetBytes(Samples.JsonLines(10_000));
            _kubectl = Encoding.UTF8.GetBytes(Samples.KubectlEvents(10_000));
        }

        [Benchmark(Baseline = true, Description = "JSON lines, 10,000 records")]
        public int JsonLines() => Count(_jsonLines, "app.jsonl");

        [Benchmark(Description = "kubectl get events -o json, 10,000 events")]
        public int Kubectl() => Count(_kubectl, "events.json");

        private static int Count(byte[] bytes, string source)
        {
            int events = 0;
            using var stream = new MemoryStream(bytes, writable: false);
            foreach (var item in TimelineGatherer.Read(stream, source, new GatherOptions()))
            {
                if (item.Event is null) throw new InvalidOperationException(item.Problem);
                events++;
            }
            return events;
        }
    }
}
