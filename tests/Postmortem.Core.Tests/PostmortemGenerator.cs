using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Postmortems.Tests
{
    /// <summary>
    /// Makes random postmortems from a seed, repeatably, with the text that breaks documents: Markdown and YAML
    /// syntax, HTML, line breaks, Unicode (CJK, emoji, right-to-left), very long fields and empty sections.
    /// </summary>
    internal sealed class PostmortemGenerator
    {
        private static readonly string[] Fragments =
        {
            "a | b", "# heading", "- item", "+ plus", "* star", "> quote", "1. one", "2) two", "`code`", "**bold**", "_under_",
            "<script>alert(1)</script>", "<br>", "&amp;", "&#35;", "AT&T", "[link](x)", "![img](y)", "\\", "back\\slash", "~~s~~",
            "---", "===", "C#", "100%", "key: value", "- [ ] task", "{a: 1}", "[1, 2]", "'single'", "\"double\"", "true", "null", "~",
            "42", "3.14", "2026-11-20", "14:02", "0x1F", "yes", "no", "@at", "%pct", "!bang", "&anchor", "*alias", "!!str", "? q",
            "障害", "🔥", "שלום", "مرحبا", "Ünïcödé", "naïve café", "\t", "    ", "  ", "Doe, Jane", ", ", ",", "; ", "a;b", "\\;", "—", "…", "é",
            "Yes", "No", "not set", "_not set_", "Not yet written.", "_Not yet written._", "**Date:**", "Postmortem:", "| --- |",
            "<!-- c -->", "http://example.org/<x>", "e.g.", "#", "##", "=", "-", "+", "1.", ":", "'", "\"", "`", "|", "*", "_",
        };

        private readonly Random _random;

        public PostmortemGenerator(int seed) => _random = new Random(seed);

        public Postmortem Next()
        {
            var p = new Postmortem(Title(), Guid.NewGuid() is var g && _random.Next(2) == 0 ? g : new Guid(Bytes(16)));
            if (Chance(0.8)) p.Date = new DateTime(2020, 1, 1).AddDays(_random.Next(3000));
            if (Chance(0.3)) p.ExplicitDuration = TimeSpan.FromSeconds(_random.Next(0, 400000)) + (Chance(0.2) ? TimeSpan.FromTicks(_random.Next(1, 9999999)) : TimeSpan.Zero);
            if (Chance(0.8)) p.Severity = (Severity)_random.Next(1, 5);
            if (Chance(0.8)) p.Status = (IncidentStatus)_random.Next(2);
            if (Chance(0.6)) p.Context = (IncidentContext)_random.Next(2);
            AddNames(p.Authors);
            AddNames(p.Reviewers);
            p.ExecutiveSummary = MaybeText();
            var start = (p.Date ?? new DateTime(2024, 5, 1)).AddHours(_random.Next(24));
            int events = Chance(0.2) ? 0 : _random.Next(1, 12);
            for (int i = 0; i < events; i++)
            {
                var time = DateTime.SpecifyKind(start.AddMinutes(_random.Next(0, Chance(0.2) ? 4000 : 300)), DateTimeKind.Utc);
                if (Chance(0.3)) time = time.AddSeconds(_random.Next(60));
                if (Chance(0.1)) time = time.AddTicks(_random.Next(1, 9999999));
                var milestone = Chance(0.5) ? (Milestone)_random.Next(0, 8) : Milestone.None;
                p.Timeline.Add(new TimelineEvent(time, RequiredText(), milestone, Chance(0.5) ? Pick("alertmanager", "slack", "kubectl", "journald", Line()) : null, Chance(0.15)));
            }
            // Steps whose time is unknown, anywhere in the story.
            int untimed = p.Timeline.Count > 0 && Chance(0.3) ? _random.Next(1, 3) : 0;
            for (int i = 0; i < untimed; i++)
            {
                p.Timeline.Insert(_random.Next(0, p.Timeline.Count + 1), TimelineEvent.Untimed(RequiredText(), start, Chance(0.3) ? Pick("slack", "runbook", Line()) : null));
            }
            if (Chance(0.7))
            {
                AddNames(p.Impact.ServicesAffected);
                p.Impact.UsersAffected = MaybeText();
                p.Impact.DataLoss = Chance(0.3) ? (bool?)null : Chance(0.5);
                p.Impact.DataLossDescription = Chance(0.4) ? MaybeText() : null;
                p.Impact.RevenueImpact = MaybeText();
                // The impact's times, any of them, either way round, around the incident: some with seconds, some finer.
                foreach (ImpactTime which in Enum.GetValues(typeof(ImpactTime)))
                {
                    if (!Chance(0.3)) continue;
                    var time = DateTime.SpecifyKind(start.AddMinutes(_random.Next(-600, Chance(0.2) ? 4000 : 300)), DateTimeKind.Utc);
                    if (Chance(0.3)) time = time.AddSeconds(_random.Next(60));
                    if (Chance(0.1)) time = time.AddTicks(_random.Next(1, 9999999));
                    p.Impact.SetTime(which, time);
                }
            }
            p.RootCause = MaybeText();
            AddTexts(p.Whys);
            // Named why-chains, of any name: a name given twice (case aside) adds to the chain it names.
            int chains = Chance(0.7) ? 0 : _random.Next(1, 4);
            for (int i = 0; i < chains; i++)
            {
                var whys = Enumerable.Range(0, _random.Next(1, 5)).Select(_ => RequiredText()).ToList();
                p.WhyChains.AddRange(Chance(0.3) ? Pick("Backups failed", "BACKUPS FAILED", "Data deleted") : Line(), whys);
            }
            AddTexts(p.ContributingFactors);
            AddTexts(p.WentWell);
            AddTexts(p.WentPoorly);
            if (Chance(0.3)) p.TrackingUrl = Pick("https://jira.example.com/browse/{0}", "http://tracker.home/issues/{0}?x=1&y={0}");
            int actions = _random.Next(0, 6);
            for (int i = 0; i < actions; i++)
            {
                var item = new ActionItem(RequiredText())
                {
                    Owner = Chance(0.8) ? Line() : null,
                    DueDate = Chance(0.8) ? new DateTime(2021, 1, 1).AddDays(_random.Next(3000)) : (DateTime?)null,
                    Priority = Chance(0.8) ? (ActionPriority)_random.Next(1, 4) : (ActionPriority?)null,
                    Tracking = Chance(0.4) ? Pick("PAY-1423", "https://tracker.example/issues/42?x=1&y=2", "https://jira.example.com/browse/PAY-7", "http://tracker.home/issues/OPS-3?x=1&y=OPS-3", Line()) : null,
                };
                // Every status, with a reason of any text, and a Done with or without its day (a file from before kept none).
                var status = (ActionItemStatus)_random.Next(4);
                item.SetStatus(status,
                    status == ActionItemStatus.WontDo ? Line() : null,
                    status == ActionItemStatus.Done && Chance(0.7) ? new DateTime(2021, 1, 1).AddDays(_random.Next(3000)) : (DateTime?)null,
                    stampToday: false);
                p.ActionItems.Add(item);
            }
            p.LessonsLearned = MaybeText();
            int links = Chance(0.7) ? 0 : _random.Next(1, 4);
            for (int i = 0; i < links; i++)
            {
                var address = Pick("https://grafana.example.com/d/", "http://wiki.home/page/", "https://example.org/a_b?x=1&y=") + _random.Next(100000).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var link = new PostmortemLink(Line(), address, (LinkKind)_random.Next(5));
                if (!p.Links.Contains(link)) p.Links.Add(link);
            }
            // Extra sections: the built-in ones and others of any name, after any template section.
            int extra = Chance(0.6) ? 0 : _random.Next(1, 4);
            for (int i = 0; i < extra; i++)
            {
                var name = Chance(0.4) ? Pick("Trigger", "Detection", "Where We Got Lucky") : Line();
                var after = (Postmortems.Rules.PostmortemSection)_random.Next(0, 10);
                try
                {
                    p.Sections.Set(name, RequiredText(), after);
                }
                catch (ArgumentException)
                {
                    // A name the template has: not an extra section.
                }
            }
            if (Chance(0.5)) p.State = (DocumentState)_random.Next(3);
            int signOffs = Chance(0.6) ? 0 : _random.Next(1, 3);
            var rules = Postmortems.Rules.PostmortemRules.All.Select(r => r.Name).ToArray();
            for (int i = 0; i < signOffs; i++)
            {
                p.SignOffs.Add(new SignOff(Line(), new DateTime(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc).AddSeconds(_random.Next(0, 2000000)), MaybeText(),
                    Enumerable.Range(0, _random.Next(0, 3)).Select(_ => rules[_random.Next(rules.Length)])));
            }
            int unlocks = Chance(0.8) ? 0 : _random.Next(1, 3);
            for (int i = 0; i < unlocks; i++) p.Unlocks.Add(new Unlock(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(_random.Next(0, 99999)), RequiredText()));
            // The external version last, so the draws before it (and the postmortems of earlier seeds) stay as they were.
            if (Chance(0.4))
            {
                p.External.Title = Chance(0.3) ? Title() : null;
                p.External.Summary = MaybeText();
                p.External.CustomerImpact = MaybeText();
                p.External.WhatHappened = Chance(0.5) ? MaybeText() : null;
                p.External.WhatWeAreDoing = MaybeText();
                int approvals = Chance(0.5) ? 0 : _random.Next(1, 3);
                for (int i = 0; i < approvals; i++)
                {
                    p.External.SignOffs.Add(new SignOff(Line(), new DateTime(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc).AddSeconds(_random.Next(0, 2000000)), MaybeText(), null,
                        Chance(0.7) ? p.External.ContentDigest : "0123456789abcdef0123456789abcdef"));
                }
            }
            return p;
        }

        private bool Chance(double probability) => _random.NextDouble() < probability;

        private string Pick(params string[] options) => options[_random.Next(options.Length)];

        private byte[] Bytes(int count)
        {
            var bytes = new byte[count];
            _random.NextBytes(bytes);
            return bytes;
        }

        private string Title() => Text.SingleLine(Words(1, 8)) ?? "Untitled incident";

        private string Line() => Text.SingleLine(Words(1, 5)) ?? "someone";

        private void AddNames(ICollection<string> names)
        {
            int count = _random.Next(0, 4);
            for (int i = 0; i < count; i++) names.Add(Line());
        }

        private void AddTexts(ICollection<string> texts)
        {
            int count = _random.Next(0, 5);
            for (int i = 0; i < count; i++) texts.Add(RequiredText());
        }

        private string RequiredText() => MaybeText(always: true)!;

        private string? MaybeText(bool always = false)
        {
            if (!always && Chance(0.25)) return null;
            var builder = new StringBuilder();
            int lines = Chance(0.7) ? 1 : _random.Next(2, 6);
            for (int i = 0; i < lines; i++)
            {
                if (i > 0) builder.Append(Chance(0.3) ? "\n\n" : "\n");
                builder.Append(Chance(0.05) ? LongLine() : Words(1, 12));
            }
            return Text.Normalize(builder.ToString()) ?? "text";
        }

        private string LongLine() => string.Join(" ", Enumerable.Range(0, _random.Next(40, 400)).Select(_ => Pick("word", "longer-word", "障害", "🔥", "a|b", "`x`", "#tag", "12:00")));

        private string Words(int min, int max)
        {
            var builder = new StringBuilder();
            int count = _random.Next(min, max + 1);
            for (int i = 0; i < count; i++)
            {
                if (i > 0) builder.Append(Chance(0.1) ? "" : " ");
                builder.Append(Chance(0.4) ? Fragments[_random.Next(Fragments.Length)] : Word());
            }
            return builder.ToString();
        }

        private string Word()
        {
            var length = _random.Next(1, 10);
            var builder = new StringBuilder(length);
            for (int i = 0; i < length; i++)
            {
                builder.Append(Chance(0.05) ? char.ConvertFromUtf32(_random.Next(0x4E00, 0x9FFF)) : ((char)('a' + _random.Next(26))).ToString());
            }
            return builder.ToString();
        }
    }

    /// <summary>Every field of a postmortem as one text, so two postmortems compare equal exactly when every field does, and a test shows the difference.</summary>
    internal static class PostmortemDump
    {
        public static string Of(Postmortem p)
        {
            var s = new StringBuilder();
            void Field(string name, object? value) => s.Append(name).Append(": ").Append(Show(value)).Append('\n');
            Field("Id", p.Id);
            Field("Title", p.Title);
            Field("Date", p.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Field("ExplicitDuration", p.ExplicitDuration?.Ticks);
            Field("Severity", p.Severity);
            Field("Status", p.Status);
            Field("Context", p.Context);
            Field("Authors", string.Join(" ¦ ", p.Authors));
            Field("Reviewers", string.Join(" ¦ ", p.Reviewers));
            Field("ExecutiveSummary", p.ExecutiveSummary);
            foreach (var e in p.Timeline) Field("Event", $"{(e.Approximate ? "~" : "")}{(e.TimeUnknown ? "unknown" : e.UtcTime.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture))} {e.UtcTime.Kind} {e.Milestone} [{e.Source}] {e.Event}");
            Field("Services", string.Join(" ¦ ", p.Impact.ServicesAffected));
            Field("UsersAffected", p.Impact.UsersAffected);
            Field("DataLoss", p.Impact.DataLoss);
            Field("DataLossDescription", p.Impact.DataLossDescription);
            Field("RevenueImpact", p.Impact.RevenueImpact);
            foreach (ImpactTime which in Enum.GetValues(typeof(ImpactTime)))
            {
                if (p.Impact.TimeOf(which) is DateTime at) Field(which.ToString(), $"{at.Ticks} {at.Kind}");
            }
            Field("RootCause", p.RootCause);
            foreach (var w in p.Whys) Field("Why", w);
            foreach (var chain in p.WhyChains) Field("WhyChain", chain.Name + ": " + string.Join(" ¦ ", chain.Whys));
            foreach (var c in p.ContributingFactors) Field("Factor", c);
            foreach (var w in p.WentWell) Field("WentWell", w);
            foreach (var w in p.WentPoorly) Field("WentPoorly", w);
            Field("TrackingUrl", p.TrackingUrl);
            foreach (var a in p.ActionItems) Field("Action", $"{a.Action} | {a.Owner} | {a.DueDate:yyyy-MM-dd} | {a.Priority} | {a.Status} | {a.StatusReason} | {a.DoneDate:yyyy-MM-dd} | {a.Tracking}");
            Field("LessonsLearned", p.LessonsLearned);
            foreach (var link in p.Links) Field("Link", link.ToString());
            foreach (var section in p.Sections) Field("Section", $"{section.Name} after {section.After}: {section.Text}");
            Field("State", p.State);
            foreach (var o in p.SignOffs) Field("SignOff", $"{o.Reviewer} | {o.Date.Ticks} {o.Date.Kind} | {o.Comment} | {string.Join(",", o.AcknowledgedRules)}");
            foreach (var u in p.Unlocks) Field("Unlock", $"{u.Date.Ticks} {u.Date.Kind} | {u.Reason}");
            foreach (var f in ExternalVersion.Fields) Field("External." + f.Name, p.External[f.Name]);
            foreach (var o in p.External.SignOffs) Field("External.SignOff", $"{o.Reviewer} | {o.Date.Ticks} {o.Date.Kind} | {o.Comment} | {o.ContentDigest}");
            return s.ToString();
        }

        private static string Show(object? value) => value is null ? "<null>" : "«" + Convert.ToString(value, CultureInfo.InvariantCulture)!.Replace("\n", "⏎") + "»";
    }
}
