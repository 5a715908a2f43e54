using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Postmortems.Privacy;

namespace Postmortems.Tests
{
    /// <summary>An internal detail planted in a benchmark text: where, and what kind it is.</summary>
    public sealed class PlantedDetail
    {
        public PlantedDetail(InternalDetailKind kind, int start, int length, string value)
        {
            Kind = kind;
            Start = start;
            Length = length;
            Value = value;
        }

        public InternalDetailKind Kind { get; }
        public int Start { get; }
        public int Length { get; }
        public string Value { get; }

        public override string ToString() => $"{Kind} '{Value}'";
    }

    /// <summary>
    /// One text of tests/fixtures/external-texts: a customer-facing text from a public status page or incident report
    /// (customer/, reworded), or a careless external version that leaks internal detail, each detail marked
    /// ⟦Kind|text⟧ (internal/). Header lines name the source, the domains its company shows customers
    /// (public-hosts) and the internal postmortem it was written from (source-postmortem).
    /// </summary>
    public sealed class ExternalText
    {
        private ExternalText(string name, string text, IReadOnlyList<PlantedDetail> planted, InternalDetailOptions options, Postmortem? source, string sourceUrl)
        {
            Name = name;
            Text = text;
            Planted = planted;
            Options = options;
            Source = source;
            SourceUrl = sourceUrl;
        }

        public string Name { get; }
        public string Text { get; }
        public IReadOnlyList<PlantedDetail> Planted { get; }
        public InternalDetailOptions Options { get; }
        public Postmortem? Source { get; }
        public string SourceUrl { get; }

        public override string ToString() => Name;

        public static string Folder(string kind) => Path.Combine(RepoRoot(), "tests", "fixtures", "external-texts", kind);

        public static IReadOnlyList<ExternalText> Load(string kind) =>
            Directory.GetFiles(Folder(kind), "*.txt").OrderBy(f => f, StringComparer.Ordinal).Select(Read).ToList();

        private static readonly Regex Marker = new Regex(@"⟦(?<kind>[A-Za-z]+)\|(?<value>[^⟧]+)⟧");

        public static ExternalText Read(string path)
        {
            var lines = File.ReadAllLines(path);
            var options = new InternalDetailOptions();
            Postmortem? source = null;
            string url = string.Empty;
            int body = 0;
            for (; body < lines.Length && (lines[body].StartsWith("#", StringComparison.Ordinal) || lines[body].Length == 0); body++)
            {
                var line = lines[body];
                if (line.StartsWith("# source:", StringComparison.Ordinal)) url = line.Substring(9).Trim();
                else if (line.StartsWith("# public-hosts:", StringComparison.Ordinal))
                {
                    foreach (var host in line.Substring(15).Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries)) options.PublicHosts.Add(host);
                }
                else if (line.StartsWith("# source-postmortem:", StringComparison.Ordinal)) source = SourcePostmortem(line.Substring(20).Trim());
            }
            var raw = string.Join("\n", lines.Skip(body));
            var planted = new List<PlantedDetail>();
            var text = new StringBuilder();
            int at = 0;
            foreach (Match m in Marker.Matches(raw))
            {
                text.Append(raw, at, m.Index - at);
                var kind = (InternalDetailKind)Enum.Parse(typeof(InternalDetailKind), m.Groups["kind"].Value);
                planted.Add(new PlantedDetail(kind, text.Length, m.Groups["value"].Length, m.Groups["value"].Value));
                text.Append(m.Groups["value"].Value);
                at = m.Index + m.Length;
            }
            text.Append(raw, at, raw.Length - at);
            if (string.IsNullOrEmpty(url)) throw new InvalidDataException($"{path}: no '# source:' line");
            return new ExternalText(Path.GetFileNameWithoutExtension(path), text.ToString(), planted, options, source, url);
        }

        /// <summary>The internal postmortem a text was written from: a real one rebuilt in tests/fixtures/real-postmortems, or one of the project's samples.</summary>
        public static Postmortem SourcePostmortem(string name) => name switch
        {
            "checkout" => SamplePostmortems.CheckoutOutage(),
            "walkthrough" => Walkthrough(),
            _ => RealPostmortemScript.Read(Path.Combine(RepoRoot(), "tests", "fixtures", "real-postmortems", name + ".ps1")),
        };

        // README's walkthrough incident, as its commands build it.
        private static Postmortem Walkthrough()
        {
            var p = new Postmortem("Orders stalled after RabbitMQ raised its disk alarm");
            p.Authors.Add("Priya Natarajan");
            p.Reviewers.Add("Marcus Lee");
            var day = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
            p.Timeline.Add(new TimelineEvent(day.AddHours(9).AddMinutes(16), "On-call acknowledged the page", Milestone.Detected));
            p.Timeline.Add(new TimelineEvent(day.AddHours(9).AddMinutes(21), "Opened the incident channel; the broker dashboard showed rabbitmq-1 blocking publishers", Milestone.InvestigationStarted));
            p.Timeline.Add(new TimelineEvent(day.AddHours(9).AddMinutes(31), "Found /var/lib/rabbitmq full of broker logs: log rotation had been off since 2026-11-13", Milestone.RootCauseIdentified));
            p.Timeline.Add(new TimelineEvent(day.AddHours(9).AddMinutes(36), "Deleted the rotated broker logs on rabbitmq-1, freeing 41 GB", Milestone.MitigationApplied));
            p.Timeline.Add(new TimelineEvent(day.AddHours(10).AddMinutes(5), "Backlog drained and order confirmations checked; incident closed", Milestone.Resolved));
            p.RootCause = "The configuration change of 2026-11-13 turned off log rotation on the brokers, so broker logs filled /var/lib/rabbitmq until RabbitMQ raised its disk alarm.";
            p.Whys.Add("Why did rabbitmq-1 raise the alarm? Broker logs had filled /var/lib/rabbitmq.");
            p.ActionItems.Add(new ActionItem("Improve disk monitoring") { Owner = "platform team" });
            p.ActionItems.Add(new ActionItem("Add the disk alarm and its clean-up steps to the broker runbook") { Owner = "Priya Natarajan" });
            return p;
        }

        private static string RepoRoot()
        {
            var dir = AppContext.BaseDirectory;
            while (dir is not null && !File.Exists(Path.Combine(dir, "Postmortem.sln"))) dir = Path.GetDirectoryName(dir);
            return dir ?? throw new InvalidOperationException("The repository root (Postmortem.sln) was not found above the test assembly.");
        }
    }

    /// <summary>
    /// Reads a script of tests/fixtures/real-postmortems, which builds a real postmortem with the module's cmdlets, into
    /// the model without PowerShell: each single-quoted string goes to the parameter or command last named before it.
    /// </summary>
    public static class RealPostmortemScript
    {
        private static readonly Regex Token = new Regex(@"(?<name>(?<![\w-])-[A-Za-z]+\b|\bAdd-[A-Za-z]+\b|\bNew-Postmortem\b)|'(?<text>(?:[^']|'')*)'");

        public static Postmortem Read(string path)
        {
            var script = File.ReadAllText(path);
            // Leave out the comment-based help.
            int help = script.IndexOf("#>", StringComparison.Ordinal);
            if (help >= 0) script = script.Substring(help + 2);
            var values = new List<(string Name, string Text)>();
            string current = string.Empty;
            foreach (Match m in Token.Matches(script))
            {
                if (m.Groups["name"].Success) current = m.Groups["name"].Value;
                else values.Add((current, m.Groups["text"].Value.Replace("''", "'")));
            }
            string Joined(string name) => string.Concat(values.Where(v => v.Name == name).Select(v => v.Text));
            var p = new Postmortem(values.First(v => v.Name == "-Title").Text);
            foreach (var v in values.Where(v => v.Name == "-Author")) p.Authors.Add(v.Text);
            foreach (var v in values.Where(v => v.Name == "-Reviewer")) p.Reviewers.Add(v.Text);
            foreach (var v in values.Where(v => v.Name == "-ServicesAffected")) p.Impact.ServicesAffected.Add(v.Text);
            p.ExecutiveSummary = Joined("-ExecutiveSummary");
            p.RootCause = Joined("-RootCause");
            p.LessonsLearned = Joined("-LessonsLearned");
            DateTime? time = null;
            foreach (var (name, text) in values)
            {
                switch (name)
                {
                    case "-Time": time = DateTime.SpecifyKind(DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc); break;
                    case "-Event": p.Timeline.Add(new TimelineEvent(time ?? new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), text)); break;
                    case "Add-Why": p.Whys.Add(text); break;
                    case "Add-ContributingFactor": p.ContributingFactors.Add(text); break;
                    case "-WentWell": p.WentWell.Add(text); break;
                    case "-WentPoorly": p.WentPoorly.Add(text); break;
                    case "Add-ActionItem": p.ActionItems.Add(new ActionItem(text)); break;
                }
            }
            return p;
        }
    }
}
