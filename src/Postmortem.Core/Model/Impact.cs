using System.Collections.Generic;

namespace Postmortems
{
    /// <summary>The template's Impact section.</summary>
    public sealed class Impact
    {
        private string? _usersAffected;
        private string? _dataLossDescription;
        private string? _revenueImpact;

        public List<string> ServicesAffected { get; } = new List<string>();

        /// <summary>A number, "all users", or "internal only".</summary>
        public string? UsersAffected
        {
            get => _usersAffected;
            set => _usersAffected = Text.Normalize(value);
        }

        /// <summary>Whether data was lost; null while not yet known.</summary>
        public bool? DataLoss { get; set; }

        public string? DataLossDescription
        {
            get => _dataLossDescription;
            set => _dataLossDescription = Text.Normalize(value);
        }

        public string? RevenueImpact
        {
            get => _revenueImpact;
            set => _revenueImpact = Text.Normalize(value);
        }

        public bool IsEmpty =>
            ServicesAffected.Count == 0 && UsersAffected is null && DataLoss is null && DataLossDescription is null && RevenueImpact is null;

        public override string ToString() =>
            IsEmpty ? "(not yet written)" : string.Join(", ", ServicesAffected) + (UsersAffected is null ? "" : $"; users: {UsersAffected}");
    }
}
