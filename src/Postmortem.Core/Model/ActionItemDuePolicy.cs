using System;
using System.Globalization;

namespace Postmortems
{
    /// <summary>Where an action item's due date came from.</summary>
    public enum DueDateSource
    {
        /// <summary>The item's own Due Date.</summary>
        Item,

        /// <summary>The team's policy: the incident's date and the days its priority allows.</summary>
        Policy,
    }

    /// <summary>
    /// How long an action item of each priority may take, counted in days from the incident's date: the team's
    /// ActionItemDueDays. The guide sets no time; the defaults, P1 28 days and P2 56, are the 4 and 8 weeks of
    /// Atlassian's incident handbook for its priority actions, and P3 twelve weeks after them.
    /// </summary>
    public sealed class ActionItemDuePolicy
    {
        /// <summary>The longest time a policy may allow: ten years.</summary>
        public const int MaxDays = 3650;

        private readonly int[] _days;

        public ActionItemDuePolicy(int p1Days, int p2Days, int p3Days)
        {
            _days = new[] { Check(ActionPriority.P1, p1Days), Check(ActionPriority.P2, p2Days), Check(ActionPriority.P3, p3Days) };
        }

        /// <summary>P1 28 days, P2 56, P3 84.</summary>
        public static ActionItemDuePolicy Default { get; } = new ActionItemDuePolicy(28, 56, 84);

        public int P1Days => _days[0];

        public int P2Days => _days[1];

        public int P3Days => _days[2];

        /// <summary>The days an item of this priority may take from the incident.</summary>
        public int DaysFor(ActionPriority priority) =>
            priority >= ActionPriority.P1 && priority <= ActionPriority.P3
                ? _days[(int)priority - 1]
                : throw new ArgumentException($"'{priority}' is not an action item priority. Use P1, P2 or P3.");

        /// <summary>The same policy with one priority's days changed.</summary>
        public ActionItemDuePolicy With(ActionPriority priority, int days)
        {
            DaysFor(priority);
            var changed = (int[])_days.Clone();
            changed[(int)priority - 1] = days;
            return new ActionItemDuePolicy(changed[0], changed[1], changed[2]);
        }

        /// <summary>The latest day an item of this priority may be due, for an incident on <paramref name="incidentDate"/>.</summary>
        public DateTime LatestDueDate(DateTime incidentDate, ActionPriority priority) =>
            DateTime.SpecifyKind(incidentDate.Date.AddDays(DaysFor(priority)), DateTimeKind.Unspecified);

        /// <summary>
        /// When an item is due, and by what: its own Due Date; without one, the policy's day for its priority from the
        /// incident's date; neither (no due date and no priority or incident date), null.
        /// </summary>
        public (DateTime? Due, DueDateSource? From) DueDateOf(ActionItem item, DateTime? incidentDate)
        {
            if (item is null) throw new ArgumentNullException(nameof(item));
            if (item.DueDate is DateTime own) return (own, DueDateSource.Item);
            if (item.Priority is ActionPriority priority && incidentDate is DateTime incident) return (LatestDueDate(incident, priority), DueDateSource.Policy);
            return (null, null);
        }

        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture, "P1 {0} days, P2 {1} days, P3 {2} days", _days[0], _days[1], _days[2]);

        private static int Check(ActionPriority priority, int days) =>
            days >= 1 && days <= MaxDays
                ? days
                : throw new ArgumentException($"{priority} is given {days.ToString(CultureInfo.InvariantCulture)} days; give a whole number of days from 1 to {MaxDays.ToString(CultureInfo.InvariantCulture)}.");
    }
}
