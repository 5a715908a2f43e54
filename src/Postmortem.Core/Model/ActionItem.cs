using System;

namespace Postmortems
{
    /// <summary>
    /// A row of the Action Items table: a specific change to a system or process, with an owner and a date. In a final
    /// postmortem its action, owner, due date and priority are locked with the rest; its status (with its reason and
    /// done date) and tracking are not, since following an item up to done is what happens after finalizing.
    /// </summary>
    public sealed class ActionItem
    {
        private string _action;
        private string? _owner;
        private string? _tracking;
        private DateTime? _dueDate;
        private ActionPriority? _priority;
        private ActionItemStatus _status = ActionItemStatus.Open;
        private string? _statusReason;
        private DateTime? _doneDate;

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
                _dueDate = DateOnly(value);
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

        /// <summary>
        /// Open, InProgress, Done or WontDo. Set to Done, the item records today (UTC) as its <see cref="DoneDate"/>
        /// unless it was done already; WontDo needs a reason, so it is set with <see cref="SetStatus"/>. Setting the
        /// status it already has changes nothing.
        /// </summary>
        public ActionItemStatus Status
        {
            get => _status;
            set
            {
                if (value == _status) return;
                if (value == ActionItemStatus.WontDo)
                {
                    throw new ArgumentException(
                        "An action item that won't be done needs its reason: Set-ActionItem -Status WontDo -Reason 'why' (in a script, $item.SetStatus('WontDo', 'why')).");
                }
                SetStatus(value);
            }
        }

        /// <summary>Why the item won't be done: set for a WontDo item, and only for one.</summary>
        public string? StatusReason
        {
            get => _statusReason;
            set
            {
                if (_status != ActionItemStatus.WontDo)
                {
                    throw new InvalidOperationException($"Only an item that won't be done has a reason, and this one is {ActionItemStatusText.Label(_status)}: Set-ActionItem -Status WontDo -Reason 'why' sets both.");
                }
                _statusReason = RequireReason(value);
            }
        }

        /// <summary>The day the item was done (date only), for a Done item; null for any other, or when the day is not known (a file written before items kept it).</summary>
        public DateTime? DoneDate
        {
            get => _doneDate;
            set
            {
                if (_status != ActionItemStatus.Done)
                {
                    throw new InvalidOperationException($"Only a done item has a done date, and this one is {ActionItemStatusText.Label(_status)}: Set-ActionItem -Status Done -DoneDate 2026-12-01 sets both.");
                }
                _doneDate = DateOnly(value);
            }
        }

        /// <summary>Whether the item is still to do: Open or InProgress. Only such an item can be overdue.</summary>
        public bool IsOpen => _status == ActionItemStatus.Open || _status == ActionItemStatus.InProgress;

        /// <summary>The status as the page's Status column shows it: Open, In progress, Done (2026-12-01), Won't do: reason.</summary>
        public string StatusText => ActionItemStatusText.Format(_status, _statusReason, _doneDate);

        /// <summary>
        /// Sets the status with what goes with it, all or nothing: WontDo needs <paramref name="reason"/>; Done takes
        /// <paramref name="doneDate"/>, else keeps the day it was done, else records today (UTC). A reason goes with
        /// WontDo only and a done date with Done only; anything else is refused with the reason why.
        /// </summary>
        public void SetStatus(ActionItemStatus status, string? reason = null, DateTime? doneDate = null) =>
            SetStatus(status, reason, doneDate, stampToday: true);

        /// <summary>
        /// As <see cref="SetStatus(ActionItemStatus, string?, DateTime?)"/>; without <paramref name="stampToday"/>, a
        /// Done item takes the done date given, even none: what a file says, read back as it is.
        /// </summary>
        internal void SetStatus(ActionItemStatus status, string? reason, DateTime? doneDate, bool stampToday)
        {
            CheckStatus(status, reason, doneDate);
            var cleanReason = Text.SingleLine(reason);
            var date = DateOnly(doneDate);
            if (status == ActionItemStatus.Done && date is null && stampToday)
            {
                date = _status == ActionItemStatus.Done && _doneDate.HasValue ? _doneDate : DateOnly(DateTime.UtcNow);
            }
            _status = status;
            _statusReason = cleanReason;
            _doneDate = date;
        }

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

        /// <summary>
        /// Changes what is given of the status, its reason and its done date (null: not given), keeping the rest where
        /// the status stays: -DoneDate alone moves a done item's day, -Reason alone rewords why an item won't be done,
        /// and a new status drops what went with the old one. Refused, changing nothing, as <see cref="SetStatus(ActionItemStatus, string?, DateTime?)"/> is.
        /// </summary>
        public void ChangeStatus(ActionItemStatus? status, string? reason, DateTime? doneDate)
        {
            var (newStatus, newReason, newDate) = Changed(status, reason, doneDate);
            SetStatus(newStatus, newReason, newDate);
        }

        /// <summary>Why <see cref="ChangeStatus"/> would refuse these values, or null when it would take them.</summary>
        public string? StatusChangeProblem(ActionItemStatus? status, string? reason, DateTime? doneDate)
        {
            var (newStatus, newReason, newDate) = Changed(status, reason, doneDate);
            try
            {
                CheckStatus(newStatus, newReason, newDate);
                return null;
            }
            catch (ArgumentException e)
            {
                return e.Message;
            }
        }

        private (ActionItemStatus, string?, DateTime?) Changed(ActionItemStatus? status, string? reason, DateTime? doneDate)
        {
            var newStatus = status ?? _status;
            bool stays = newStatus == _status;
            return (newStatus, Text.SingleLine(reason) ?? (stays ? _statusReason : null), doneDate ?? (stays ? _doneDate : null));
        }

        /// <summary>Refuses a status with what cannot go with it, saying why and what to give instead.</summary>
        private static void CheckStatus(ActionItemStatus status, string? reason, DateTime? doneDate)
        {
            if (!Enum.IsDefined(typeof(ActionItemStatus), status))
            {
                throw new ArgumentException($"'{status}' is not a status. Use Open, InProgress, Done or WontDo.");
            }
            var cleanReason = Text.SingleLine(reason);
            if (status == ActionItemStatus.WontDo && cleanReason is null)
            {
                throw new ArgumentException("An action item that won't be done needs its reason: say why, for example -Reason 'Replaced by the new gateway'.");
            }
            if (status != ActionItemStatus.WontDo && cleanReason is not null)
            {
                throw new ArgumentException($"Only an item that won't be done has a reason; this one would be {ActionItemStatusText.Label(status)}. Give the reason with -Status WontDo.");
            }
            if (doneDate.HasValue && status != ActionItemStatus.Done)
            {
                throw new ArgumentException($"Only a done item has a done date; this one would be {ActionItemStatusText.Label(status)}. Give the date with -Status Done.");
            }
        }

        private static DateTime? DateOnly(DateTime? value) =>
            value.HasValue ? DateTime.SpecifyKind(value.Value.Date, DateTimeKind.Unspecified) : (DateTime?)null;

        private static string RequireReason(string? value) =>
            Text.SingleLine(value) ?? throw new ArgumentException("An action item that won't be done needs its reason: say why it won't be done.");

        private static string RequireText(string value) =>
            Text.Normalize(value) ?? throw new ArgumentException("An action item needs text that says what will be changed.", nameof(value));
    }
}
