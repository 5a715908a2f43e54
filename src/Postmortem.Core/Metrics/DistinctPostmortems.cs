using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Postmortems.Metrics
{
    /// <summary>
    /// One postmortem once, however many times it comes: a folder often holds a draft and its Markdown export (the same
    /// id, draft.yaml and draft.md), and counting both would count the incident twice. Of the copies, the one in the file
    /// written last wins; a copy that was not read from a file (built or changed in the session) wins over files.
    /// </summary>
    public static class DistinctPostmortems
    {
        /// <summary>The postmortems with each id once, in the order each id first came, and a warning for each id that came from more than one file.</summary>
        public static IReadOnlyList<Postmortem> Of(IEnumerable<Postmortem> postmortems, out IReadOnlyList<string> warnings) =>
            Of(postmortems, path => File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue, out warnings);

        /// <summary>As <see cref="Of(IEnumerable{Postmortem}, out IReadOnlyList{string})"/>, with the time each file was last written given.</summary>
        public static IReadOnlyList<Postmortem> Of(IEnumerable<Postmortem> postmortems, Func<string, DateTime> lastWriteUtc, out IReadOnlyList<string> warnings)
        {
            if (postmortems is null) throw new ArgumentNullException(nameof(postmortems));
            var copies = new Dictionary<Guid, List<Postmortem>>();
            var order = new List<Guid>();
            // The very same object twice (piped twice), or the same file read twice, is one copy.
            var seenObjects = new HashSet<Postmortem>(ReferenceComparer.Instance);
            var seenFiles = new HashSet<(Guid, string)>();
            foreach (var postmortem in postmortems)
            {
                if (!seenObjects.Add(postmortem)) continue;
                if (postmortem.SourcePath is string path && !seenFiles.Add((postmortem.Id, Path.GetFullPath(path)))) continue;
                if (!copies.TryGetValue(postmortem.Id, out var list))
                {
                    copies[postmortem.Id] = list = new List<Postmortem>();
                    order.Add(postmortem.Id);
                }
                list.Add(postmortem);
            }
            var said = new List<string>();
            var kept = new List<Postmortem>(order.Count);
            foreach (var id in order)
            {
                var list = copies[id];
                if (list.Count == 1)
                {
                    kept.Add(list[0]);
                    continue;
                }
                // Newest first: not from a file, then by the file's last write; the first to come wins a tie.
                var ranked = list.Select((p, index) => (Postmortem: p, Index: index, Written: p.SourcePath is string path ? lastWriteUtc(path) : DateTime.MaxValue))
                    .OrderByDescending(x => x.Written).ThenBy(x => x.Index).ToList();
                var winner = ranked[0];
                kept.Add(winner.Postmortem);
                // Up to ten are named: a corpus of copies must not make a warning of thousands of names.
                var others = string.Join(", ", ranked.Skip(1).Take(NamedCopies).Select(x => Where(x.Postmortem, x.Written))) +
                             (ranked.Count - 1 > NamedCopies ? $" and {ranked.Count - 1 - NamedCopies} more" : string.Empty);
                said.Add($"The postmortem '{winner.Postmortem.Title}' ({id:D}) came {list.Count} times: {Where(winner.Postmortem, winner.Written)}, and {others}. " +
                         $"It is counted once, as {(winner.Postmortem.SourcePath is null ? "the one not read from a file" : $"'{winner.Postmortem.SourcePath}', the file written last")}.");
            }
            warnings = said;
            return kept;
        }

        private const int NamedCopies = 10;

        private static string Where(Postmortem postmortem, DateTime written) =>
            postmortem.SourcePath is string path
                ? $"'{path}' (last written {written.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC)"
                : "one not read from a file";

        private sealed class ReferenceComparer : IEqualityComparer<Postmortem>
        {
            public static readonly ReferenceComparer Instance = new ReferenceComparer();

            public bool Equals(Postmortem? x, Postmortem? y) => ReferenceEquals(x, y);

            public int GetHashCode(Postmortem obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
        }
    }
}
