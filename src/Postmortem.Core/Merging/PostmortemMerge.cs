using System;
using System.Collections.Generic;
using System.Linq;
using Postmortems.Rendering;

namespace Postmortems.Merging
{
    /// <summary>
    /// A three-way merge of postmortems. BASE is the postmortem as last published to the wiki, LOCAL the author's
    /// draft since, WIKI the page read back after reviewers edited it. A change made on one side only is taken; the
    /// same thing changed differently on both sides is a conflict, settled only by a resolution: nothing is chosen
    /// silently.
    /// </summary>
    public static class PostmortemMerge
    {
        /// <summary>
        /// Merges the wiki's changes since <paramref name="base"/> into <paramref name="local"/>. The inputs are not
        /// changed. A conflict whose Id is in <paramref name="resolutions"/> takes that side; <paramref name="prefer"/>
        /// settles every other conflict; a conflict left unsettled keeps the draft's value and is listed in
        /// <see cref="MergeResult.Conflicts"/>. What the page does not carry comes from the draft alone: the Id, the
        /// file, the publication record, the document state, sign-offs and unlocks.
        /// <paramref name="wikiColumns"/> are the columns the page's tables have (<see cref="Serialization.ReadResult.Columns"/>):
        /// a column the page has says what it says, an empty Milestone cell or an Open status included; without one (an
        /// older page, or null) a row that shows no milestone, or Open with no tracking, is taken as one the reader
        /// could not match, not as a change.
        /// </summary>
        public static MergeResult Merge(Postmortem @base, Postmortem local, Postmortem wiki, MergeSide? prefer = null, IReadOnlyDictionary<string, MergeSide>? resolutions = null,
            IReadOnlyCollection<string>? wikiColumns = null)
        {
            if (@base is null) throw new ArgumentNullException(nameof(@base));
            if (local is null) throw new ArgumentNullException(nameof(local));
            if (wiki is null) throw new ArgumentNullException(nameof(wiki));
            var merger = new Merger(prefer, resolutions, wikiColumns);
            var merged = merger.Merge(@base, local, wiki);
            return new MergeResult(merged, merger.Conflicts, merger.Resolved, merger.TakenFromWiki);
        }
    }

    /// <summary>One merge: walks the sections in template order and keeps what it found.</summary>
    internal sealed partial class Merger
    {
        private const string Header = "Header";
        private const string ImpactSection = "Impact";

        private readonly MergeSide? _prefer;
        private readonly IReadOnlyDictionary<string, MergeSide>? _resolutions;

        public Merger(MergeSide? prefer, IReadOnlyDictionary<string, MergeSide>? resolutions, IReadOnlyCollection<string>? wikiColumns)
        {
            _prefer = prefer;
            _resolutions = resolutions;
            _wikiColumns = wikiColumns;
        }

        private readonly IReadOnlyCollection<string>? _wikiColumns;

        /// <summary>The wiki's page has this column, so what it shows there, empty or default, is what the page says.</summary>
        internal bool WikiShows(string column) => _wikiColumns is not null && _wikiColumns.Contains(column);

        public List<MergeConflict> Conflicts { get; } = new List<MergeConflict>();

        public List<MergeConflict> Resolved { get; } = new List<MergeConflict>();

        public List<MergeChange> TakenFromWiki { get; } = new List<MergeChange>();

        public Postmortem Merge(Postmortem b, Postmortem l, Postmortem w)
        {
            // Sections in template order, so conflicts and changes are listed as the document reads.
            var title = Single(Header, "Title", "Title", b.Title, l.Title, w.Title);
            var m = new Postmortem(title, l.Id)
            {
                SourcePath = l.SourcePath,
                Publication = l.Publication?.Copy(),
                Date = Single(Header, "Date", "Date", b.Date, l.Date, w.Date),
                ExplicitDuration = Single(Header, "ExplicitDuration", "Duration", b.ExplicitDuration, l.ExplicitDuration, WikiDuration(b, w)),
                Severity = Single(Header, "Severity", "Severity", b.Severity, l.Severity, w.Severity),
                Status = Single(Header, "Status", "Status", b.Status, l.Status, w.Status),
                Context = Single(Header, "Context", "Context", b.Context, l.Context, w.Context),
            };
            m.SignOffs.AddRange(l.SignOffs.Select(o => new SignOff(o.Reviewer, o.Date, o.Comment, o.AcknowledgedRules, o.ContentDigest)));
            m.Unlocks.AddRange(l.Unlocks.Select(u => new Unlock(u.Date, u.Reason)));
            m.Authors.AddRange(Texts(Header, "Authors", b.Authors, l.Authors, w.Authors));
            m.Reviewers.AddRange(Texts(Header, "Reviewers", b.Reviewers, l.Reviewers, w.Reviewers));

            m.ExecutiveSummary = Single("Executive Summary", "ExecutiveSummary", "Executive Summary", b.ExecutiveSummary, l.ExecutiveSummary, w.ExecutiveSummary);

            foreach (var e in Entries(new TimelineEntries(this), b.Timeline.ToList(), l.Timeline.ToList(), w.Timeline.ToList())) m.Timeline.AddAsWritten(e);

            m.Impact.ServicesAffected.AddRange(Texts(ImpactSection, "Impact.ServicesAffected", b.Impact.ServicesAffected, l.Impact.ServicesAffected, w.Impact.ServicesAffected));
            m.Impact.UsersAffected = Single(ImpactSection, "Impact.UsersAffected", "Users Affected", b.Impact.UsersAffected, l.Impact.UsersAffected, w.Impact.UsersAffected);
            m.Impact.DataLoss = Single(ImpactSection, "Impact.DataLoss", "Data Loss", b.Impact.DataLoss, l.Impact.DataLoss, w.Impact.DataLoss);
            m.Impact.DataLossDescription = Single(ImpactSection, "Impact.DataLossDescription", "Data Loss Description", b.Impact.DataLossDescription, l.Impact.DataLossDescription, w.Impact.DataLossDescription);
            m.Impact.RevenueImpact = Single(ImpactSection, "Impact.RevenueImpact", "Revenue Impact", b.Impact.RevenueImpact, l.Impact.RevenueImpact, w.Impact.RevenueImpact);
            MergeImpactTimes(m, b, l, w);

            m.RootCause = Single("Root Cause", "RootCause", "Root Cause", b.RootCause, l.RootCause, w.RootCause);
            m.Whys.AddRange(Texts("5 Whys", "Whys", b.Whys, l.Whys, w.Whys));
            MergeWhyChains(m, b, l, w);
            m.ContributingFactors.AddRange(Texts("Contributing Factors", "ContributingFactors", b.ContributingFactors, l.ContributingFactors, w.ContributingFactors));
            m.WentWell.AddRange(Texts("What Went Well", "WentWell", b.WentWell, l.WentWell, w.WentWell));
            m.WentPoorly.AddRange(Texts("What Went Poorly", "WentPoorly", b.WentPoorly, l.WentPoorly, w.WentPoorly));
            m.TrackingUrl = Single("Action Items", "TrackingUrl", "Tracking URL", b.TrackingUrl, l.TrackingUrl, w.TrackingUrl);
            m.ActionItems.AddRange(Entries(new ActionItemEntries(this), b.ActionItems, l.ActionItems, w.ActionItems));
            m.LessonsLearned = Single("Lessons Learned", "LessonsLearned", "Lessons Learned", b.LessonsLearned, l.LessonsLearned, w.LessonsLearned);
            MergeLinks(m, b, l, w);
            MergeSections(m, b, l, w);
            MergeExternal(m, b, l, w);
            // The state last: a final postmortem refuses changes, so it is filled first and locked after.
            m.State = l.State;
            return m;
        }

        /// <summary>
        /// The page shows the duration the same way whether it was set by hand or derived from the timeline. After a
        /// reviewer moves a milestone event, the page still shows the duration as published. Read with the base's front
        /// matter, the reader knows it for stale output; read without it (a page from elsewhere), it looks set by hand.
        /// Either way it is no change of the duration.
        /// </summary>
        private static TimeSpan? WikiDuration(Postmortem b, Postmortem w) =>
            b.ExplicitDuration is null && w.ExplicitDuration is TimeSpan shown && b.Duration is TimeSpan published
            && PostmortemMarkdown.Shows(PostmortemMarkdown.FormatDuration(shown), published)
                ? null
                : w.ExplicitDuration;

        // Each of the impact's times is a value of its own (a reviewer corrects the end of the data-loss window on the
        // page); as instants, so a change reads with its time of day, as a timeline event's does.
        private void MergeImpactTimes(Postmortem m, Postmortem b, Postmortem l, Postmortem w)
        {
            static DateTimeOffset? Instant(Postmortem p, ImpactTime which) => p.Impact.TimeOf(which) is DateTime utc ? new DateTimeOffset(utc, TimeSpan.Zero) : (DateTimeOffset?)null;
            foreach (var which in Serialization.PostmortemYaml.ImpactTimes)
            {
                var words = System.Text.RegularExpressions.Regex.Replace(which.ToString(), "(?<=[a-z])(?=[A-Z])", " ");
                var merged = Single(ImpactSection, "Impact." + which, words, Instant(b, which), Instant(l, which), Instant(w, which));
                m.Impact.SetTime(which, merged?.UtcDateTime);
            }
        }

        // Links merge as the lines the page shows ("Dashboard: title <address>"), by the list rule every section uses.
        private void MergeLinks(Postmortem m, Postmortem b, Postmortem l, Postmortem w)
        {
            var known = b.Links.Concat(l.Links).Concat(w.Links).GroupBy(x => x.ToString()).ToDictionary(g => g.Key, g => g.First());
            foreach (var line in Texts("Links", "Links", b.Links.Select(x => x.ToString()).ToList(), l.Links.Select(x => x.ToString()).ToList(), w.Links.Select(x => x.ToString()).ToList()))
            {
                if (known.TryGetValue(line, out var link)) m.Links.Add(link);
            }
        }

        // Extra sections by name: each one's text merges as a value (a section added on one side is a change from none);
        // the draft's order first, then those only the wiki has, in its order. A merged section stands where the side
        // that kept its text has it.
        private void MergeSections(Postmortem m, Postmortem b, Postmortem l, Postmortem w)
        {
            var names = l.Sections.Select(s => s.Name).Concat(w.Sections.Select(s => s.Name)).Concat(b.Sections.Select(s => s.Name))
                .GroupBy(ExtraSections.Key).Select(g => g.First()).ToList();
            foreach (var name in names)
            {
                var text = Single(name, "Sections['" + name + "']", name, b.Sections[name]?.Text, l.Sections[name]?.Text, w.Sections[name]?.Text);
                if (text is null) continue;
                var from = (l.Sections[name]?.Text == text ? l.Sections[name] : null) ?? w.Sections[name] ?? l.Sections[name] ?? b.Sections[name]!;
                m.Sections.AddAsWritten(new ExtraSection(from.Name, from.After, text));
            }
        }

        // Named why-chains pair by name (case-insensitive); each one's whys merge as the root cause's own do, a chain
        // added on one side being a list added to none. The draft's order first, then those only the wiki has, in its
        // order; a chain left with no whys is gone.
        private void MergeWhyChains(Postmortem m, Postmortem b, Postmortem l, Postmortem w)
        {
            var names = l.WhyChains.Names.Concat(w.WhyChains.Names).Concat(b.WhyChains.Names)
                .GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList();
            var none = new List<string>();
            foreach (var name in names)
            {
                var whys = Texts(WhyChains.HeadingPrefix + name, WhyChains.PlaceOf(name) + ".Whys",
                    b.WhyChains[name]?.Whys ?? none, l.WhyChains[name]?.Whys ?? none, w.WhyChains[name]?.Whys ?? none);
                if (whys.Count > 0) m.WhyChains.AddAsWritten(name, whys);
            }
        }

        // The external version's texts merge as values, each its own; its sign-offs and page record are the draft's,
        // as the postmortem's own are.
        private void MergeExternal(Postmortem m, Postmortem b, Postmortem l, Postmortem w)
        {
            foreach (var field in ExternalVersion.Fields)
            {
                m.External.Set(field.Name, Single("External Version", "External." + field.Name, "External " + field.Heading, b.External[field.Name], l.External[field.Name], w.External[field.Name]));
            }
            m.External.SignOffs.AddRange(l.External.SignOffs.Select(o => new SignOff(o.Reviewer, o.Date, o.Comment, o.AcknowledgedRules, o.ContentDigest)));
            m.External.Publication = l.External.Publication?.Copy();
        }

        // ---- Values

        private T Single<T>(string section, string id, string words, T b, T l, T w) => Value(new Where(section, words, id), null, b, l, w);

        private List<string> Texts(string section, string id, IReadOnlyList<string> b, IReadOnlyList<string> l, IReadOnlyList<string> w) =>
            Entries(new TextEntries(this, section, id), b, l, w);

        /// <summary>
        /// The three-way rule for one value: unchanged on the wiki, or changed alike on both sides, the draft's;
        /// changed on the wiki only, the wiki's; changed differently on both, a conflict.
        /// </summary>
        internal T Value<T>(Where at, string? field, T b, T l, T w)
        {
            var same = EqualityComparer<T>.Default;
            if (same.Equals(w, b) || same.Equals(l, w)) return l;
            if (same.Equals(l, b))
            {
                Take(at, field, Described(field, MergeText.Change(b, w)), resolved: false);
                return w;
            }
            if (Decide(at, field, b, l, w) == MergeSide.Local) return l;
            Take(at, field, Described(field, MergeText.Change(l, w)), resolved: true);
            return w;
        }

        /// <summary>
        /// A value of an entry both sides added (the same action, the same event): there is no base to tell which
        /// side changed it, so any difference is a conflict.
        /// </summary>
        internal T Added<T>(Where at, string field, T l, T w)
        {
            if (EqualityComparer<T>.Default.Equals(l, w)) return l;
            if (Decide(at, field, null, l, w) == MergeSide.Local) return l;
            Take(at, field, Described(field, MergeText.Change(l, w)), resolved: true);
            return w;
        }

        /// <summary>
        /// Records a conflict and says which side settles it: the side its resolution names, else the preferred
        /// side, else the draft's, left listed as a conflict.
        /// </summary>
        internal MergeSide Decide(Where at, string? field, object? b, object? l, object? w)
        {
            var conflict = new MergeConflict(at.Id(field), at.Section, at.Item, field, b, l, w);
            MergeSide side;
            if (_resolutions is not null && _resolutions.TryGetValue(conflict.Id, out var chosen)) side = chosen;
            else if (_prefer is MergeSide preferred) side = preferred;
            else
            {
                Conflicts.Add(conflict);
                return MergeSide.Local;
            }
            Resolved.Add(conflict);
            return side;
        }

        internal void Take(Where at, string? field, string what, bool resolved) => Take(at.Section, at.Item, field, what, resolved);

        internal void Take(string section, string item, string? field, string what, bool resolved) =>
            TakenFromWiki.Add(new MergeChange(section, item, field, what + (resolved ? " (from the wiki, resolving a conflict)" : " (from the wiki)")));

        private static string Described(string? field, string change) => field is null ? change : field + " " + change;
    }

    /// <summary>
    /// Where in the postmortem a value stands: its section, the item in words, and the start of its conflict Id
    /// (RootCause, or ActionItems['Add alert on queue depth'] to which a field name is added).
    /// </summary>
    internal sealed class Where
    {
        public Where(string section, string item, string id)
        {
            Section = section;
            Item = item;
            IdStart = id;
        }

        public string Section { get; }

        public string Item { get; }

        public string IdStart { get; }

        public string Id(string? field) => field is null ? IdStart : IdStart + "." + field;
    }
}
