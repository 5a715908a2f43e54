using System;

namespace Postmortems
{
    /// <summary>
    /// A row of the Action Items table: a specific change to a system or process, with an owner and a date. In a final
    /// postmortem its action, owner, due date and priority are locked with the rest; its status and tracking are not,
    /// since following an item up to done is what happens after finalizing.
    /// </summary>
    public sealed class ActionItem
    {
        private string _action;
        private string? _owner;
        private string? _tracking;
        private DateTime? _dueDate;
        private ActionPriority? _priority;

        public ActionItem(string action)
        {
            _action = RequireText(action);
        }

        public string Action
        {
            get => _action;
            set
            {
                Postmortem?.EnsureUnlocked("an action item's action");
                _action = RequireText(value);
            }
        }

        public string? Owner
        {
            get => _owner;
            set
            {
                Postmortem?.EnsureUnlocked("an action item's owner");
                _owner = Text.SingleLine(value);
            }
        }

        /// <summary>The day the action is due (date only).</summary>
        public DateTime? DueDate
        {
            get => _dueDate;
            set
            {
                Postmortem?.EnsureUnlocked("an action item's due date");
                _dueDate = value.HasValue ? DateTime.SpecifyKind(value.Value.Date, DateTimeKind.Unspecified) : (DateTime?)null;
            }
        }

        public ActionPriority? Priority
        {
            get => _priority;
            set
            {
                Postmortem?.EnsureUnlocked("an action item's priority");
                _priority = value;
            }
        }

        public ActionItemStatus Status { get; set; } = ActionItemStatus.Open;

        /// <summary>A ticket id or URL where the work is tracked.</summary>
        public string? Tracking
        {
            get => _tracking;
            set => _tracking = Text.SingleLine(value);
        }

        /// <summary>
        /// Its zero-based place in its postmortem's Action Items, as Test-Postmortem's ActionItems[n] and Set-ActionItem's
        /// -Index name it; null when no postmortem holds it.
        /// </summary>
        public int? Index
        {
            get
            {
                var items = Postmortem?.ActionItems;
                if (items is null) return null;
                for (int i = 0; i < items.Count; i++)
                {
                    if (ReferenceEquals(items[i], this)) return i;
                }
                return null;
            }
        }

        /// <summary>The postmortem whose Action Items hold this item, whose lock it keeps; null while it stands alone.</summary>
        internal Postmortem? Postmortem { get; set; }

        public override string ToString() => Action;

        private static string RequireText(string value) =>
            Text.Normalize(value) ?? throw new ArgumentException("An action item needs text that says what will be changed.", nameof(value));
    }
}
