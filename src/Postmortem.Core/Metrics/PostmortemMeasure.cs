using System;
using System.Collections.Generic;
using System.Linq;

namespace Postmortems.Metrics
{
    /// <summary>A folder of postmortems at a glance. Each part is a list of plain rows, ready for Export-Csv or ConvertTo-Json.</summary>
    public sealed class PostmortemMeasure
    {
        public int Count { get; internal set; }

        public DateTime AsOf { get; internal set; }

        public IReadOnlyList<SeverityMeasure> Severity { get; internal set; } = new List<SeverityMeasure>();

        public IReadOnlyList<StatusCount> Status { get; internal set; } = new List<StatusCount>();

        public IReadOnlyList<FactorCount> ContributingFactors { get; internal set; } = new List<FactorCount>();

        public IReadOnlyList<ActionItemMeasure> ActionItems { get; internal set; } = new List<ActionItemMeasure>();
    }

    /// <summary>The postmortems of one severity: how many, and the median and 90th percentile of each clock.</summary>
    public sealed class SeverityMeasure
    {
        public string Severity { get; internal set; } = string.Empty;

        public int Count { get; internal set; }

        public TimeSpan? MedianTimeToDetect { get; internal set; }

        public TimeSpan? P90TimeToDetect { get; internal set; }

        public TimeSpan? MedianTimeToMitigate { get; internal set; }

        public TimeSpan? P90TimeToMitigate { get; internal set; }

        public TimeSpan? MedianTimeToRestore { get; internal set; }

        public TimeSpan? P90TimeToRestore { get; internal set; }

        public TimeSpan? MedianTimeToResolve { get; internal set; }

        public TimeSpan? P90TimeToResolve { get; internal set; }
    }

    public sealed class StatusCount
    {
        public string Status { get; internal set; } = string.Empty;

        public int Count { get; internal set; }
    }

    /// <summary>A contributing factor and how many postmortems name it (compared without case, spacing or end punctuation).</summary>
    public sealed class FactorCount
    {
        public string Factor { get; internal set; } = string.Empty;

        public int Count { get; internal set; }

        /// <summary>The titles of the postmortems that name it, joined with "; " (one text, so Export-Csv writes it as is).</summary>
        public string Postmortems { get; internal set; } = string.Empty;
    }

    /// <summary>The action items of one priority: how many are open, overdue, and how old the open ones are.</summary>
    public sealed class ActionItemMeasure
    {
        public string Priority { get; internal set; } = string.Empty;

        public int Total { get; internal set; }

        public int Open { get; internal set; }

        public int Done { get; internal set; }

        public int Overdue { get; internal set; }

        /// <summary>Days from the incident to <see cref="PostmortemMeasure.AsOf"/>, median over the open items.</summary>
        public double? MedianOpenAgeDays { get; internal set; }

        public int? OldestOpenAgeDays { get; internal set; }
    }

    /// <summary>An action item with the postmortem it belongs to, for a follow-up review across postmortems.</summary>
    public sealed class PostmortemActionItem
    {
        public string PostmortemTitle { get; internal set; } = string.Empty;

        public Guid PostmortemId { get; internal set; }

        public DateTime? PostmortemDate { get; internal set; }

        public string? PostmortemPath { get; internal set; }

        public string Action { get; internal set; } = string.Empty;

        public string? Owner { get; internal set; }

        public DateTime? DueDate { get; internal set; }

        public ActionPriority? Priority { get; internal set; }

        public ActionItemStatus Status { get; internal set; }

        public string? Tracking { get; internal set; }

        public bool Overdue { get; internal set; }

        /// <summary>Days past the due date as of the day asked about; 0 when not overdue.</summary>
        public int DaysOverdue { get; internal set; }

        /// <summary>The item itself, to change (Status = 'Done') and save with its postmortem.</summary>
        public ActionItem Item { get; internal set; } = null!;

        public override string ToString() => $"{Action} ({Owner}, due {DueDate:yyyy-MM-dd})";
    }

    public static class PostmortemMeasurer
    {
        public static IEnumerable<PostmortemActionItem> ActionItems(Postmortem postmortem, DateTime asOf)
        {
            foreach (var item in postmortem.ActionItems)
            {
                int daysOverdue = item.Status == ActionItemStatus.Open && item.DueDate is DateTime due && due.Date < asOf.Date ? (asOf.Date - due.Date).Days : 0;
                yield return new PostmortemActionItem
                {
                    PostmortemTitle = postmortem.Title,
                    PostmortemId = postmortem.Id,
                    PostmortemDate = postmortem.Date,
                    PostmortemPath = postmortem.SourcePath,
                    Action = item.Action,
                    Owner = item.Owner,
                    DueDate = item.DueDate,
                    Priority = item.Priority,
                    Status = item.Status,
                    Tracking = item.Tracking,
                    Overdue = daysOverdue > 0,
                    DaysOverdue = daysOverdue,
                    Item = item,
                };
            }
        }

        public static PostmortemMeasure Measure(IReadOnlyCollection<Postmortem> postmortems, DateTime asOf, int topFactors = 10)
        {
            var metrics = postmortems.ToDictionary(p => p, p => MetricDefinition.Standard.Select(d => d.Measure(p)).ToDictionary(m => m.Name));
            var bySeverity = postmortems.GroupBy(p => p.Severity?.ToString() ?? "(not set)").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            {
                TimeSpan[] Values(string name) => g.Select(p => metrics[p][name].Value).Where(v => v.HasValue).Select(v => v!.Value).ToArray();
                return new SeverityMeasure
                {
                    Severity = g.Key,
                    Count = g.Count(),
                    MedianTimeToDetect = Statistics.Median(Values("TimeToDetect")),
                    P90TimeToDetect = Statistics.Percentile90(Values("TimeToDetect")),
                    MedianTimeToMitigate = Statistics.Median(Values("TimeToMitigate")),
                    P90TimeToMitigate = Statistics.Percentile90(Values("TimeToMitigate")),
                    MedianTimeToRestore = Statistics.Median(Values("TimeToRestore")),
                    P90TimeToRestore = Statistics.Percentile90(Values("TimeToRestore")),
                    MedianTimeToResolve = Statistics.Median(Values("TimeToResolve")),
                    P90TimeToResolve = Statistics.Percentile90(Values("TimeToResolve")),
                };
            }).ToList();

            var byStatus = postmortems.GroupBy(p => p.Status?.ToString() ?? "(not set)").OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new StatusCount { Status = g.Key, Count = g.Count() }).ToList();

            // A factor counts once per postmortem, however often that postmortem repeats it.
            var factors = postmortems
                .SelectMany(p => p.ContributingFactors.Select(f => (Key: NormalizeFactor(f), Text: f, Title: p.Title, Id: p.Id)))
                .Where(f => f.Key.Length > 0)
                .GroupBy(f => f.Key)
                .Select(g => new FactorCount
                {
                    Factor = g.First().Text,
                    Count = g.Select(f => f.Id).Distinct().Count(),
                    Postmortems = string.Join("; ", g.GroupBy(f => f.Id).Select(p => p.First().Title)),
                })
                .OrderByDescending(f => f.Count).ThenBy(f => f.Factor, StringComparer.OrdinalIgnoreCase)
                .Take(topFactors)
                .ToList();

            var items = postmortems.SelectMany(p => ActionItems(p, asOf)).ToList();
            var byPriority = items.GroupBy(i => i.Priority?.ToString() ?? "(not set)").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            {
                var open = g.Where(i => i.Status == ActionItemStatus.Open).ToList();
                var ages = open.Where(i => i.PostmortemDate.HasValue).Select(i => (asOf.Date - i.PostmortemDate!.Value.Date).Days).ToList();
                return new ActionItemMeasure
                {
                    Priority = g.Key,
                    Total = g.Count(),
                    Open = open.Count,
                    Done = g.Count() - open.Count,
                    Overdue = open.Count(i => i.Overdue),
                    MedianOpenAgeDays = Statistics.Median(ages.Select(a => (double)a)),
                    OldestOpenAgeDays = ages.Count == 0 ? (int?)null : ages.Max(),
                };
            }).ToList();

            return new PostmortemMeasure
            {
                Count = postmortems.Count,
                AsOf = asOf.Date,
                Severity = bySeverity,
                Status = byStatus,
                ContributingFactors = factors,
                ActionItems = byPriority,
            };
        }

        /// <summary>"No alerting on X." and "no  alerting on x" are the same factor.</summary>
        public static string NormalizeFactor(string factor) =>
            (Text.SingleLine(factor.ToLowerInvariant()) ?? string.Empty).TrimEnd('.', '!', '?', ';', ',', ':', ' ');
    }
}
