using System.Collections.Generic;

namespace Postmortems.Merging
{
    /// <summary>The two edited versions a three-way merge reconciles: the author's draft and the page read back from the wiki.</summary>
    public enum MergeSide
    {
        Local,
        Wiki,
    }

    /// <summary>
    /// One thing both sides changed, each differently: a single value, one field of a timeline event or action item,
    /// or a whole entry one side removed while the other changed it.
    /// </summary>
    public sealed class MergeConflict
    {
        internal MergeConflict(string id, string section, string item, string? field, object? @base, object? local, object? wiki)
        {
            Id = id;
            Section = section;
            Item = item;
            Field = field;
            Base = @base;
            Local = local;
            Wiki = wiki;
        }

        /// <summary>
        /// A readable key, the same for the same three inputs, by which a resolution names the conflict:
        /// RootCause, ContributingFactors['No alert on disk'], ActionItems['Add alert on queue depth'].Owner,
        /// Timeline[2026-11-20 18:14 'Service back online'].Time.
        /// </summary>
        public string Id { get; }

        /// <summary>The template section: Header, Executive Summary, Timeline, Impact, Root Cause, 5 Whys, ...</summary>
        public string Section { get; }

        /// <summary>Which item, in words: the entry, event or action text, or the name of a single field.</summary>
        public string Item { get; }

        /// <summary>The field of the item both sides changed (Time, Owner, ...); null for a single field or a whole entry.</summary>
        public string? Field { get; }

        /// <summary>The value as last published; null when it was not there.</summary>
        public object? Base { get; }

        /// <summary>The draft's value; null when the draft removed it.</summary>
        public object? Local { get; }

        /// <summary>The wiki page's value; null when the page removed it.</summary>
        public object? Wiki { get; }

        public override string ToString() =>
            $"{Id}: base {MergeText.Show(Base)}, local {MergeText.Show(Local)}, wiki {MergeText.Show(Wiki)}";
    }

    /// <summary>A change the merge took from the wiki side: for verbose output, or a report of what the reviewers changed.</summary>
    public sealed class MergeChange
    {
        internal MergeChange(string section, string item, string? field, string description)
        {
            Section = section;
            Item = item;
            Field = field;
            Description = description;
        }

        public string Section { get; }

        /// <summary>Which item, in words: the entry, event or action text, or the name of a single field.</summary>
        public string Item { get; }

        /// <summary>The field of the item that changed; null for a single field or a whole entry.</summary>
        public string? Field { get; }

        /// <summary>What changed, such as "Time 18:14 -> 18:15 (from the wiki)" or "added (from the wiki)".</summary>
        public string Description { get; }

        public override string ToString() => $"{Section}: {Item}: {Description}";
    }

    /// <summary>What <see cref="PostmortemMerge.Merge"/> made of the three versions.</summary>
    public sealed class MergeResult
    {
        internal MergeResult(Postmortem merged, IReadOnlyList<MergeConflict> conflicts, IReadOnlyList<MergeConflict> resolved, IReadOnlyList<MergeChange> takenFromWiki)
        {
            Merged = merged;
            Conflicts = conflicts;
            Resolved = resolved;
            TakenFromWiki = takenFromWiki;
        }

        /// <summary>
        /// A new postmortem: the draft with the wiki's one-sided changes applied and the conflicts resolved as asked.
        /// Where a conflict is left unresolved it keeps the draft's value.
        /// </summary>
        public Postmortem Merged { get; }

        /// <summary>The conflicts no resolution settled; the merged postmortem keeps the draft's value for each.</summary>
        public IReadOnlyList<MergeConflict> Conflicts { get; }

        /// <summary>The conflicts settled by a resolution by Id or by the preferred side.</summary>
        public IReadOnlyList<MergeConflict> Resolved { get; }

        /// <summary>What was taken from the wiki side, one-sided changes and resolved conflicts alike.</summary>
        public IReadOnlyList<MergeChange> TakenFromWiki { get; }

        public bool HasConflicts => Conflicts.Count > 0;
    }
}
