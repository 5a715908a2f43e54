using System.Collections.Generic;

namespace Postmortems
{
    /// <summary>The template's Impact section.</summary>
    public sealed class Impact
    {
        private readonly Postmortem _owner;
        private string? _usersAffected;
        private bool? _dataLoss;
        private string? _dataLossDescription;
        private string? _revenueImpact;

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

        public bool IsEmpty =>
            ServicesAffected.Count == 0 && UsersAffected is null && DataLoss is null && DataLossDescription is null && RevenueImpact is null;

        public override string ToString() =>
            IsEmpty ? "(not yet written)" : string.Join(", ", ServicesAffected) + (UsersAffected is null ? "" : $"; users: {UsersAffected}");
    }
}
