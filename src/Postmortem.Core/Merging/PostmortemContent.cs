namespace Postmortems.Merging
{
    /// <summary>Copies a postmortem's content, section by section, into another object.</summary>
    public static class PostmortemContent
    {
        /// <summary>
        /// Makes <paramref name="target"/> hold what <paramref name="source"/> holds in every section of the template, so a
        /// merge changes the very object a person is working with. What is not content stays the target's own: its id,
        /// file, review state, sign-offs, unlocks and publication record, and the external version's sign-offs and page
        /// record; the external version's text is content and is copied.
        /// </summary>
        public static void CopyInto(Postmortem source, Postmortem target)
        {
            target.Title = source.Title;
            target.Date = source.Date;
            target.ExplicitDuration = source.ExplicitDuration;
            target.Severity = source.Severity;
            target.Status = source.Status;
            target.Context = source.Context;
            Replace(target.Authors, source.Authors);
            Replace(target.Reviewers, source.Reviewers);
            target.ExecutiveSummary = source.ExecutiveSummary;
            target.Timeline.Clear();
            foreach (var e in source.Timeline) target.Timeline.AddAsWritten(e);
            Replace(target.Impact.ServicesAffected, source.Impact.ServicesAffected);
            target.Impact.UsersAffected = source.Impact.UsersAffected;
            target.Impact.DataLoss = source.Impact.DataLoss;
            target.Impact.DataLossDescription = source.Impact.DataLossDescription;
            target.Impact.RevenueImpact = source.Impact.RevenueImpact;
            foreach (var which in Serialization.PostmortemYaml.ImpactTimes) target.Impact.SetTime(which, source.Impact.TimeOf(which));
            target.RootCause = source.RootCause;
            Replace(target.Whys, source.Whys);
            if (!ReferenceEquals(target.WhyChains, source.WhyChains))
            {
                target.WhyChains.Clear();
                foreach (var chain in source.WhyChains) target.WhyChains.AddAsWritten(chain.Name, chain.Whys);
            }
            Replace(target.ContributingFactors, source.ContributingFactors);
            Replace(target.WentWell, source.WentWell);
            Replace(target.WentPoorly, source.WentPoorly);
            target.TrackingUrl = source.TrackingUrl;
            Replace(target.ActionItems, source.ActionItems);
            target.LessonsLearned = source.LessonsLearned;
            Replace(target.Links, source.Links);
            target.Sections.Clear();
            foreach (var section in source.Sections) target.Sections.AddAsWritten(section);
            foreach (var field in ExternalVersion.Fields) target.External.Set(field.Name, source.External[field.Name]);
        }

        private static void Replace<T>(PostmortemList<T> target, PostmortemList<T> source)
        {
            if (ReferenceEquals(target, source)) return;
            target.Clear();
            target.AddRange(source);
        }
    }
}
