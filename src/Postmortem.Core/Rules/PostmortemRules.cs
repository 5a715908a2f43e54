using System.Collections.Generic;

namespace Postmortems.Rules
{
    /// <summary>Every rule Test-Postmortem runs, in the order they report within a section.</summary>
    public static class PostmortemRules
    {
        public static IReadOnlyList<PostmortemRule> All { get; } = new PostmortemRule[]
        {
            new RequiredSection(),
            new ReviewersInWorkContext(),
            new SentenceCount(),
            new TimelineMilestones(),
            new SpecificTimes(),
            new MilestoneOrder(),
            new DuplicateMilestone(),
            new StatusMatchesTimeline(),
            new DurationMatchesTimeline(),
            new DateMatchesTimeline(),
            new SeverityMatchesImpact(),
            new ImpactWindowOrder(),
            new ImpactWindowComplete(),
            new BlamelessLanguage(),
            new BlamelessTimeline(),
            new FiveWhysDepth(),
            new FiveWhysEndsInSystem(),
            new ActionItemComplete(),
            new ActionItemDueByPriority(),
            new VagueActionItem(),
            new ActionItemImperative(),
            new ActionItemTargetsPerson(),
            new VagueQuantity(),
            new Hedging(),
            new TimelineTense(),
            new NoSecrets(),
            new SignedOffContentChanged(),
            new ReviewWithErrors(),
            new FinalWarningsAcknowledged(),
            new ExternalVersionComplete(),
            new ExternalInternalDetail(),
            new ExternalBlameless(),
            new ExternalVagueQuantity(),
            new ExternalSignOffCurrent(),
        };

        /// <summary>
        /// A rule of the external version (its name starts with External): Test-Postmortem -Audience External runs these
        /// alone, and the internal review (Approve-Postmortem, Complete-Postmortem, the review rules) leaves them out.
        /// </summary>
        public static bool IsExternal(string ruleName) => ruleName.StartsWith("External", System.StringComparison.OrdinalIgnoreCase);
    }
}
