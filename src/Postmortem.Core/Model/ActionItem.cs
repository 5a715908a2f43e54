using System;

namespace Postmortems
{
    /// <summary>A row of the Action Items table: a specific change to a system or process, with an owner and a date.</summary>
    public sealed class ActionItem
    {
        private string _action;
        private string? _owner;
        private string? _tracking;
        private DateTime? _dueDate;

        public ActionItem(string action)
        {
            _action = RequireText(action);
        }

        public string Action
        {
            get => _action;
            set => _action = RequireText(value);
        }

        public string? Owner
        {
            get => _owner;
            set => _owner = Text.SingleLine(value);
        }

        /// <summary>The day the action is due (date only).</summary>
        public DateTime? DueDate
        {
            get => _dueDate;
            set => _dueDate = value.HasValue ? DateTime.SpecifyKind(value.Value.Date, DateTimeKind.Unspecified) : (DateTime?)null;
        }

        public ActionPriority? Priority { get; set; }

        public ActionItemStatus Status { get; set; } = ActionItemStatus.Open;

        /// <summary>A ticket id or URL where the work is tracked.</summary>
        public string? Tracking
        {
            get => _tracking;
            set => _tracking = Text.SingleLine(value);
        }

        public override string ToString() => Action;

        private static string RequireText(string value) =>
            Text.Normalize(value) ?? throw new ArgumentException("An action item needs text that says what will be changed.", nameof(value));
    }
}
