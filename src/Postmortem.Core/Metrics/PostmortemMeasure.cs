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

    /// <summary>
    /// The action items of one priority: how many are still to do (Open or InProgress), done or not to be done, how
    /// many are overdue, and how old the ones still to do are.
    /// </summary>
    public sealed class ActionItemMeasure
    {
        public string Priority { get; internal set; } = string.Empty;

        public int Total { get; internal set; }

        /// <summary>Still to do: Open or InProgress.</summary>
        public int Open { get; internal set; }

        /// <summary>Of the open ones, those in progress.</summary>
        public int InProgress { get; internal set; }

        public int Done { get; internal set; }

        /// <summary>Decided against, with a reason: neither open nor overdue.</summary>
        public int WontDo { get; internal set; }

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

        /// <summary>
        /// When it is due: the item's own Due Date, or, when it has none, the team's policy's day for its priority from
        /// the incident's date (<see cref="DueDateFrom"/> says which); null when neither can say.
        /// </summary>
        public DateTime? DueDate { get; internal set; }

        /// <summary>Item when <see cref="DueDate"/> is the item's own, Policy when the policy gave it; null without a due date.</summary>
        public DueDateSource? DueDateFrom { get; internal set; }

        public ActionPriority? Priority { get; internal set; }

        public ActionItemStatus Status { get; internal set; }

        /// <summary>Why a WontDo item won't be done.</summary>
        public string? StatusReason { get; internal set; }

        /// <summary>The day a Done item was done, when known.</summary>
        public DateTime? DoneDate { get; internal set; }

        /// <summary>The status as the page shows it: Open, In progress, Done (2026-12-01), Won't do: the reason.</summary>
        public string StatusText => ActionItemStatusText.Format(Status, StatusReason, DoneDate);

        public string? Tracking { get; internal set; }

        /// <summary>Still to do (Open or InProgress) and past its due date; a Done or WontDo item never is.</summary>
        public bool Overdue { get; internal set; }

        /// <summary>Days past the due date as of the day asked about; 0 when not overdue.</summary>
        public int DaysOverdue { get; internal set; }

        /// <summary>The item itself, to change (Status = 'Done') and save with its postmortem.</summary>
        public ActionItem Item { get; internal set; } = null!;

        public override string ToString() => $"{Action} ({Owner}, due {DueDate:yyyy-MM-dd})";
    }

    public static class PostmortemMeasurer
    {
        /// <summary>The items with their postmortem, due by the default policy where they have no date of their own.</summary>
        public static IEnumerable<PostmortemActionItem> ActionItems(Postmortem postmortem, DateTime asOf) =>
            ActionItems(postmortem, asOf, ActionItemDuePolicy.Default);

        /// <summary>The items with their postmortem; an item without a due date is due by <paramref name="policy"/>.</summary>
        public static IEnumerable<PostmortemActionItem> ActionItems(Postmortem postmortem, DateTime asOf, ActionItemDuePolicy policy)
        {
            if (policy is null) throw new ArgumentNullException(nameof(policy));
            foreach (var item in postmortem.ActionItems)
            {
                var (due, from) = policy.DueDateOf(item, postmortem.Date);
                int daysOverdue = item.IsOpen && due is DateTime dueDate && dueDate.Date < asOf.Date ? (asOf.Date - dueDate.Date).Days : 0;
                yield return new PostmortemActionItem
                {
                    PostmortemTitle = postmortem.Title,
                    PostmortemId = postmortem.Id,
                    PostmortemDate = postmortem.Date,
                    PostmortemPath = postmortem.SourcePath,
                    Action = item.Action,
                    Owner = item.Owner,
                    DueDate = due,
                    DueDateFrom = from,
                    Priority = item.Priority,
                    Status = item.Status,
                    StatusReason = item.StatusReason,
                    DoneDate = item.DoneDate,
                    Tracking = item.Tracking,
                    Overdue = daysOverdue > 0,
                    DaysOverdue = daysOverdue,
                    Item = item,
                };
            }
        }

        public static PostmortemMeasure Measure(IReadOnlyCollection<Postmortem> postmortems, DateTime asOf, int topFactors = 10) =>
            Measure(postmortems, asOf, ActionItemDuePolicy.Default, topFactors);

        /// <summary>The folder at a glance; an action item without a due date is due by <paramref name="policy"/>.</summary>
        public static PostmortemMeasure Measure(IReadOnlyCollection<Postmortem> postmortems, DateTime asOf, ActionItemDuePolicy policy, int topFactors = 10)
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

            var items = postmortems.SelectMany(p => ActionItems(p, asOf, policy)).ToList();
            var byPriority = items.GroupBy(i => i.Priority?.ToString() ?? "(not set)").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            {
                var open = g.Where(i => i.Status == ActionItemStatus.Open || i.Status == ActionItemStatus.InProgress).ToList();
                // An incident after asOf had no action items yet on that day: it has no age then, not a negative one.
                var ages = open.Where(i => i.PostmortemDate.HasValue && i.PostmortemDate.Value.Date <= asOf.Date)
                               .Select(i => (asOf.Date - i.PostmortemDate!.Value.Date).Days).ToList();
                return new ActionItemMeasure
                {
                    Priority = g.Key,
                    Total = g.Count(),
                    Open = open.Count,
                    InProgress = open.Count(i => i.Status == ActionItemStatus.InProgress),
                    Done = g.Count(i => i.Status == ActionItemStatus.Done),
                    WontDo = g.Count(i => i.Status == ActionItemStatus.WontDo),
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

        /// <summary>
        /// What to say when some postmortems are dated after <paramref name="asOf"/>: their action items did not exist
        /// on that day, so they are left out of the ages (and cannot be overdue). Null when none is.
        /// </summary>
        public static string? DatedAfter(IEnumerable<Postmortem> postmortems, DateTime asOf)
        {
            var later = postmortems.Where(p => p.Date is DateTime date && date.Date > asOf.Date).ToList();
            if (later.Count == 0) return null;
            var latest = later.Max(p => p.Date!.Value.Date);
            var day = Rendering.ReadableTime.Date(asOf);
            var names = string.Join(", ", later.Take(3).Select(p => $"'{p.Title}' ({Rendering.ReadableTime.Date(p.Date)})")) + (later.Count > 3 ? $" and {later.Count - 3} more" : string.Empty);
            return $"{later.Count} of the postmortems {(later.Count == 1 ? "is" : "are")} dated after -AsOf {day}: {names}. Their action items had not been written by then, so they have no age as of {day} and are left out of Open age and Oldest. " +
                   $"Give -AsOf {Rendering.ReadableTime.Date(latest)} or later to age every item, or leave -AsOf out for today.";
        }

        /// <summary>"No alerting on X." and "no  alerting on x" are the same factor.</summary>
        public static string NormalizeFactor(string factor) =>
            (Text.SingleLine(factor.ToLowerInvariant()) ?? string.Empty).TrimEnd('.', '!', '?', ';', ',', ':', ' ');
    }
}
