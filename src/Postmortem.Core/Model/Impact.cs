using System;
using System.Collections.Generic;

namespace Postmortems
{
    /// <summary>
    /// The impact's own times, beside the timeline's milestones: when the service began to degrade, when users were
    /// affected from and to, and which stretch of data was lost.
    /// </summary>
    public enum ImpactTime
    {
        DegradationStart,
        ImpactStart,
        ImpactEnd,
        DataLossStart,
        DataLossEnd,
    }

    /// <summary>The template's Impact section.</summary>
    public sealed class Impact
    {
        private readonly Postmortem _owner;
        private string? _usersAffected;
        private bool? _dataLoss;
        private string? _dataLossDescription;
        private string? _revenueImpact;
        private readonly DateTime?[] _times = new DateTime?[5];

        internal Impact(Postmortem owner)
        {
            _owner = owner;
            ServicesAffected = new PostmortemList<string>(owner, "the services affected");
        }

        public PostmortemList<string> ServicesAffected { get; }

        /// <summary>A number, "all users", or "internal only".</summary>
        public string? UsersAffected
        {
            get => _usersAffected;
            set
            {
                _owner.EnsureUnlocked("its impact");
                _usersAffected = Text.Normalize(value);
            }
        }

        /// <summary>Whether data was lost; null while not yet known.</summary>
        public bool? DataLoss
        {
            get => _dataLoss;
            set
            {
                _owner.EnsureUnlocked("its impact");
                _dataLoss = value;
            }
        }

        public string? DataLossDescription
        {
            get => _dataLossDescription;
            set
            {
                _owner.EnsureUnlocked("its impact");
                _dataLossDescription = Text.Normalize(value);
            }
        }

        public string? RevenueImpact
        {
            get => _revenueImpact;
            set
            {
                _owner.EnsureUnlocked("its impact");
                _revenueImpact = Text.Normalize(value);
            }
        }

        /// <summary>
        /// When the service began to degrade (UTC), which may be well before anyone was alerted: GitLab's replication lag
        /// from 19:00 on 2017-01-31, three hours before the first page.
        /// </summary>
        public DateTime? DegradationStart
        {
            get => _times[(int)ImpactTime.DegradationStart];
            set => SetTime(ImpactTime.DegradationStart, value);
        }

        /// <summary>When users were first affected (UTC); the start of the impact window.</summary>
        public DateTime? ImpactStart
        {
            get => _times[(int)ImpactTime.ImpactStart];
            set => SetTime(ImpactTime.ImpactStart, value);
        }

        /// <summary>When users were last affected (UTC); the end of the impact window.</summary>
        public DateTime? ImpactEnd
        {
            get => _times[(int)ImpactTime.ImpactEnd];
            set => SetTime(ImpactTime.ImpactEnd, value);
        }

        /// <summary>The start of the stretch whose data was lost (UTC): GitLab lost the writes from 17:20 to 23:27.</summary>
        public DateTime? DataLossStart
        {
            get => _times[(int)ImpactTime.DataLossStart];
            set => SetTime(ImpactTime.DataLossStart, value);
        }

        /// <summary>The end of the stretch whose data was lost (UTC).</summary>
        public DateTime? DataLossEnd
        {
            get => _times[(int)ImpactTime.DataLossEnd];
            set => SetTime(ImpactTime.DataLossEnd, value);
        }

        /// <summary>One of the impact's times by name; null while not set.</summary>
        public DateTime? TimeOf(ImpactTime which) => _times[Check(which)];

        /// <summary>
        /// Sets one of the impact's times: converted to UTC as a timeline event's time is (a Local time is converted, an
        /// Unspecified one taken as UTC), in the same years, 1900 to 2100; null clears it.
        /// </summary>
        public void SetTime(ImpactTime which, DateTime? value)
        {
            int at = Check(which);
            _owner.EnsureUnlocked("its impact");
            if (value is not DateTime given)
            {
                _times[at] = null;
                return;
            }
            var utc = TimelineTime.ToUtc(given);
            if (!TimelineTime.InWindow(utc))
            {
                throw new ArgumentOutOfRangeException(nameof(value), given, $"The impact's {which} is from 1900 to 2100 (UTC), as a timeline event's time is. Check the year.");
            }
            _times[at] = utc;
        }

        /// <summary>Whether any of the impact's times is set.</summary>
        public bool HasTimes => Array.Exists(_times, t => t.HasValue);

        private static int Check(ImpactTime which) =>
            which >= ImpactTime.DegradationStart && which <= ImpactTime.DataLossEnd ? (int)which : throw new ArgumentOutOfRangeException(nameof(which), which, "Not one of the impact's times.");

        public bool IsEmpty =>
            ServicesAffected.Count == 0 && UsersAffected is null && DataLoss is null && DataLossDescription is null && RevenueImpact is null && !HasTimes;

        public override string ToString() =>
            IsEmpty ? "(not yet written)" : string.Join(", ", ServicesAffected) + (UsersAffected is null ? "" : $"; users: {UsersAffected}");
    }
}
