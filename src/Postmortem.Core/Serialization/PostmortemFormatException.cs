using System;

namespace Postmortems.Serialization
{
    /// <summary>
    /// A file that cannot be read as a postmortem. The message names the file and, where there is one, the line; control
    /// characters quoted from the file are escaped in it.
    /// </summary>
    public sealed class PostmortemFormatException : FormatException
    {
        public PostmortemFormatException(string source, long? line, string problem, Exception? inner = null)
            : base(IO.Printable.Escape(line is null ? $"{source}: {problem}" : $"{source}, line {line}: {problem}"), inner)
        {
            Source = source;
            Line = line;
            Problem = IO.Printable.Escape(problem);
        }

        /// <summary>The file (or other source) that was being read.</summary>
        public new string Source { get; }

        public long? Line { get; }

        public string Problem { get; }
    }

    /// <summary>A postmortem read from a file, with what was read past (unknown keys) as warnings.</summary>
    public sealed class ReadResult
    {
        public ReadResult(Postmortem postmortem, System.Collections.Generic.IReadOnlyList<string> warnings,
            System.Collections.Generic.IReadOnlyCollection<string>? columns = null)
        {
            Postmortem = postmortem;
            Warnings = warnings;
            Columns = columns ?? new System.Collections.Generic.HashSet<string>();
        }

        public Postmortem Postmortem { get; }

        public System.Collections.Generic.IReadOnlyList<string> Warnings { get; }

        /// <summary>
        /// The columns a Markdown page's tables have, by their headings, as <see cref="PageColumns"/> names them
        /// ("Timeline.Milestone", "ActionItems.Status"). A column the page has is what the page says, an empty cell
        /// included; one it lacks (an older page) said nothing. Empty for a YAML draft, which has no tables.
        /// </summary>
        public System.Collections.Generic.IReadOnlyCollection<string> Columns { get; }
    }

    /// <summary>The names of the columns of a page's tables, as <see cref="ReadResult.Columns"/> lists them.</summary>
    public static class PageColumns
    {
        public const string TimelineTime = "Timeline.Time";
        public const string TimelineEvent = "Timeline.Event";
        public const string TimelineMilestone = "Timeline.Milestone";
        public const string ActionItemAction = "ActionItems.Action";
        public const string ActionItemOwner = "ActionItems.Owner";
        public const string ActionItemDueDate = "ActionItems.DueDate";
        public const string ActionItemPriority = "ActionItems.Priority";
        public const string ActionItemStatus = "ActionItems.Status";
        public const string ActionItemTracking = "ActionItems.Tracking";
    }
}
