using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Postmortems.Serialization
{
    /// <summary>A field holds text no file can hold (half of a surrogate pair). The message names the field and says how to fix it.</summary>
    public sealed class PostmortemTextException : InvalidOperationException
    {
        public PostmortemTextException(string field, string message)
            : base(message)
        {
            Field = field;
        }

        /// <summary>Where: RootCause, Timeline[3], ActionItems[1].Owner.</summary>
        public string Field { get; }
    }

    /// <summary>
    /// The file a postmortem was read from changed on disk since (or is gone, or, for a path set by hand, holds a file
    /// it was not read from): writing it back would lose that change. Nothing was written.
    /// </summary>
    public sealed class PostmortemFileChangedException : System.IO.IOException
    {
        public PostmortemFileChangedException(string path, string message)
            : base(message)
        {
            Path = path;
        }

        public string Path { get; }
    }

    /// <summary>
    /// The text rendered for a .yaml or .md file would not read back as the same postmortem: Import-Postmortem would
    /// refuse it, or would get something else. Nothing was written.
    /// </summary>
    public sealed class PostmortemNotReloadableException : InvalidOperationException
    {
        public PostmortemNotReloadableException(string path, IReadOnlyList<string> fields, string message, Exception? inner)
            : base(message, inner)
        {
            Path = path;
            Fields = fields;
        }

        public string Path { get; }

        /// <summary>The fields that would not come back as they are (or that hold what the reader refuses); may be empty.</summary>
        public IReadOnlyList<string> Fields { get; }
    }

    /// <summary>What a postmortem file keeps, field by field: to find text no file can hold, and to compare a postmortem with what its file reads back as.</summary>
    internal static class ReadBack
    {
        /// <summary>Every text a .yaml or .md file holds, by field name (the names Protect-Postmortem's findings use).</summary>
        public static IEnumerable<(string Name, string? Text)> Texts(Postmortem p)
        {
            foreach (var field in Privacy.Fields.Of(p)) yield return field;
            for (int i = 0; i < p.SignOffs.Count; i++)
            {
                yield return ($"SignOffs[{i}].Reviewer", p.SignOffs[i].Reviewer);
                var rules = p.SignOffs[i].AcknowledgedRules;
                for (int r = 0; r < rules.Count; r++) yield return ($"SignOffs[{i}].AcknowledgedRules[{r}]", rules[r]);
            }
            for (int i = 0; i < p.Unlocks.Count; i++) yield return ($"Unlocks[{i}].Reason", p.Unlocks[i].Reason);
            if (p.Publication is Publication publication)
            {
                yield return ("Publication.Server", publication.Server);
                yield return ("Publication.UpdatedByName", publication.UpdatedByName);
                yield return ("Publication.Digest", publication.Digest);
                yield return ("Publication.PageDigest", publication.PageDigest);
                for (int i = 0; i < publication.Tags.Count; i++) yield return ($"Publication.Tags[{i}]", publication.Tags[i]);
                yield return ("Publication.Base", publication.Base);
            }
            if (p.External.Publication is Publication external)
            {
                yield return ("External.Publication.Digest", external.Digest);
                yield return ("External.Publication.PageDigest", external.PageDigest);
                yield return ("External.Publication.Base", external.Base);
            }
        }

        /// <summary>The first place in a text where a surrogate stands without its other half, or -1.</summary>
        public static int LoneSurrogate(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
                else if (char.IsSurrogate(text[i])) return i;
            }
            return -1;
        }

        /// <summary>The first control character (other than tab and line feed) in a text, or -1: what a NUL-carrying log line brings in.</summary>
        public static int ControlCharacter(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if ((c < ' ' && c != '\t' && c != '\n') || c == '\u007f') return i;
            }
            return -1;
        }

        public static string Describe(char c) =>
            c == '\0' ? "U+0000 (a NUL)" : "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

        /// <summary>The text around a place in it, on one line, for a message.</summary>
        public static string Around(string text, int index)
        {
            int start = Math.Max(0, index - 20);
            var before = text.Substring(start, index - start);
            var cleaned = new string(before.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? ' ' : c).ToArray()).Trim();
            return (start > 0 ? "..." : "") + cleaned;
        }

        /// <summary>How a person changes the text of a field from PowerShell.</summary>
        public static string HowToFix(string field)
        {
            var name = field.Split('[', '.')[0];
            var last = field.Substring(field.LastIndexOf(']') + 1).TrimStart('.');
            switch (field.StartsWith("Impact.", StringComparison.Ordinal) ? field.Split('[')[0].Substring("Impact.".Length) : name)
            {
                case "Title":
                case "ExecutiveSummary":
                case "RootCause":
                case "LessonsLearned":
                case "UsersAffected":
                case "DataLossDescription":
                case "RevenueImpact":
                case "ServicesAffected":
                    return $"Set-Postmortem -{(name == "Impact" ? field.Split('[')[0].Substring("Impact.".Length) : name)}";
                case "Authors":
                    return "Set-Postmortem -Author";
                case "Reviewers":
                    return "Set-Postmortem -Reviewer";
                case "Timeline":
                    return "Remove-TimelineEvent, then Add-TimelineEvent with the text fixed";
                case "Whys":
                    return "Remove-Why, then Add-Why with the text fixed";
                case "WhyChains":
                    return "Remove-Why -Chain, then Add-Why -Chain with the text fixed";
                case "ContributingFactors":
                    return "Remove-ContributingFactor, then Add-ContributingFactor with the text fixed";
                case "WentWell":
                case "WentPoorly":
                    return $"Remove-Observation -Section {name}, then Add-Observation -{name} with the text fixed";
                case "Sections":
                    return "Set-Postmortem -Section @{ 'the section' = 'the text fixed' }";
                case "External":
                    return ExternalVersion.Fields.FirstOrDefault(f => "External." + f.Name == field) is ExternalField external ? "Set-Postmortem -" + external.Parameter : "editing the text";
                case "ActionItems":
                    return $"$pm.{field.Split('.')[0]}.{(last.Length == 0 ? "Action" : last)} = '...'";
                default:
                    return "editing the text";
            }
        }

        /// <summary>The names of the fields in which the two postmortems differ, in template order.</summary>
        public static List<string> Differences(Postmortem written, Postmortem read)
        {
            var want = Kept(written);
            var got = Kept(read);
            var gotByName = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var (name, value) in got) gotByName[name] = value;
            var differences = new List<string>();
            var wantNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (name, value) in want)
            {
                wantNames.Add(name);
                if (!gotByName.TryGetValue(name, out var other) || !string.Equals(value, other, StringComparison.Ordinal)) differences.Add(name);
            }
            // What the reader made up that was not there.
            differences.AddRange(got.Select(g => g.Name).Where(name => !wantNames.Contains(name)));
            return differences;
        }

        // Everything a .yaml draft and a .md file keep, field by field (not SourcePath and SourceDigest, which are
        // no part of the postmortem).
        private static List<(string Name, string? Value)> Kept(Postmortem p)
        {
            var kept = new List<(string, string?)>();
            void Add(string name, object? value) => kept.Add((name, value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture)));
            void AddList(string name, IReadOnlyList<string> list)
            {
                for (int i = 0; i < list.Count; i++) Add($"{name}[{i}]", list[i]);
            }
            string Time(DateTime time) => time.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture);
            string? Date(DateTime? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

            Add("Id", p.Id.ToString("D"));
            Add("Title", p.Title);
            Add("Date", Date(p.Date));
            Add("Duration", p.ExplicitDuration?.Ticks);
            Add("Severity", p.Severity);
            Add("Status", p.Status);
            Add("Context", p.Context);
            Add("State", p.State);
            AddList("Authors", p.Authors);
            AddList("Reviewers", p.Reviewers);
            Add("ExecutiveSummary", p.ExecutiveSummary);
            for (int i = 0; i < p.Timeline.Count; i++)
            {
                var e = p.Timeline[i];
                Add($"Timeline[{i}]", $"{(e.Approximate ? "~" : "")}{(e.TimeUnknown ? TimelineTime.UnknownText : Time(e.UtcTime))} {e.Milestone} {e.Event}");
                Add($"Timeline[{i}].Source", e.Source);
            }
            AddList("Impact.ServicesAffected", p.Impact.ServicesAffected);
            Add("Impact.UsersAffected", p.Impact.UsersAffected);
            Add("Impact.DataLoss", p.Impact.DataLoss);
            Add("Impact.DataLossDescription", p.Impact.DataLossDescription);
            Add("Impact.RevenueImpact", p.Impact.RevenueImpact);
            foreach (var which in PostmortemYaml.ImpactTimes)
            {
                if (p.Impact.TimeOf(which) is DateTime at) Add("Impact." + which, Time(at));
            }
            Add("RootCause", p.RootCause);
            AddList("Whys", p.Whys);
            foreach (var chain in p.WhyChains) AddList(chain.Place + ".Whys", chain.Whys);
            AddList("ContributingFactors", p.ContributingFactors);
            AddList("WentWell", p.WentWell);
            AddList("WentPoorly", p.WentPoorly);
            for (int i = 0; i < p.ActionItems.Count; i++)
            {
                var a = p.ActionItems[i];
                Add($"ActionItems[{i}]", a.Action);
                Add($"ActionItems[{i}].Owner", a.Owner);
                Add($"ActionItems[{i}].DueDate", Date(a.DueDate));
                Add($"ActionItems[{i}].Priority", a.Priority);
                Add($"ActionItems[{i}].Status", a.Status);
                Add($"ActionItems[{i}].StatusReason", a.StatusReason);
                Add($"ActionItems[{i}].DoneDate", Date(a.DoneDate));
                Add($"ActionItems[{i}].Tracking", a.Tracking);
            }
            Add("LessonsLearned", p.LessonsLearned);
            for (int i = 0; i < p.Links.Count; i++) Add($"Links[{i}]", p.Links[i].ToString());
            foreach (var section in p.Sections) Add($"Sections['{section.Name}']", $"{section.After} {section.Text}");
            for (int i = 0; i < p.SignOffs.Count; i++)
            {
                var s = p.SignOffs[i];
                Add($"SignOffs[{i}].Reviewer", s.Reviewer);
                Add($"SignOffs[{i}].Date", Time(s.Date));
                Add($"SignOffs[{i}].Comment", s.Comment);
                AddList($"SignOffs[{i}].AcknowledgedRules", s.AcknowledgedRules);
            }
            for (int i = 0; i < p.Unlocks.Count; i++)
            {
                Add($"Unlocks[{i}].Date", Time(p.Unlocks[i].Date));
                Add($"Unlocks[{i}].Reason", p.Unlocks[i].Reason);
            }
            foreach (var field in ExternalVersion.Fields) Add("External." + field.Name, p.External[field.Name]);
            for (int i = 0; i < p.External.SignOffs.Count; i++)
            {
                var s = p.External.SignOffs[i];
                Add($"External.SignOffs[{i}].Reviewer", s.Reviewer);
                Add($"External.SignOffs[{i}].Date", Time(s.Date));
                Add($"External.SignOffs[{i}].Comment", s.Comment);
                Add($"External.SignOffs[{i}].Approved", s.ContentDigest);
            }
            // A page record, the postmortem's own or its external version's (which keeps no base).
            void AddPublication(string prefix, Publication? record)
            {
                if (record is null) return;
                Add(prefix + ".Server", record.Server);
                Add(prefix + ".PageId", record.PageId);
                Add(prefix + ".BookId", record.BookId);
                Add(prefix + ".ChapterId", record.ChapterId);
                Add(prefix + ".UpdatedAt", record.UpdatedAt.UtcTicks);
                Add(prefix + ".UpdatedById", record.UpdatedById);
                Add(prefix + ".UpdatedByName", record.UpdatedByName);
                Add(prefix + ".Digest", record.Digest);
                Add(prefix + ".PageDigest", record.PageDigest);
                AddList(prefix + ".Tags", record.Tags);
            }
            AddPublication("External.Publication", p.External.Publication);
            AddPublication("Publication", p.Publication);
            if (p.Publication is Publication r) Add("Publication.Base", r.Base);
            return kept;
        }
    }
}
