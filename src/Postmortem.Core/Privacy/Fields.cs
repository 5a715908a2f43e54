using System;
using System.Collections.Generic;
using System.Linq;

namespace Postmortems.Privacy
{
    /// <summary>Every text field of a postmortem, by name, to read and to rewrite.</summary>
    internal static class Fields
    {
        public static IEnumerable<(string Name, string? Text)> Of(Postmortem p)
        {
            yield return ("Title", p.Title);
            yield return ("ExecutiveSummary", p.ExecutiveSummary);
            for (int i = 0; i < p.Authors.Count; i++) yield return ($"Authors[{i}]", p.Authors[i]);
            for (int i = 0; i < p.Reviewers.Count; i++) yield return ($"Reviewers[{i}]", p.Reviewers[i]);
            for (int i = 0; i < p.Timeline.Count; i++)
            {
                yield return ($"Timeline[{i}]", p.Timeline[i].Event);
                yield return ($"Timeline[{i}].Source", p.Timeline[i].Source);
            }
            for (int i = 0; i < p.Impact.ServicesAffected.Count; i++) yield return ($"Impact.ServicesAffected[{i}]", p.Impact.ServicesAffected[i]);
            yield return ("Impact.UsersAffected", p.Impact.UsersAffected);
            yield return ("Impact.DataLossDescription", p.Impact.DataLossDescription);
            yield return ("Impact.RevenueImpact", p.Impact.RevenueImpact);
            yield return ("RootCause", p.RootCause);
            for (int i = 0; i < p.Whys.Count; i++) yield return ($"Whys[{i}]", p.Whys[i]);
            foreach (var chain in p.WhyChains)
            {
                yield return ($"{chain.Place}.Name", chain.Name);
                for (int i = 0; i < chain.Whys.Count; i++) yield return ($"{chain.Place}.Whys[{i}]", chain.Whys[i]);
            }
            for (int i = 0; i < p.ContributingFactors.Count; i++) yield return ($"ContributingFactors[{i}]", p.ContributingFactors[i]);
            for (int i = 0; i < p.WentWell.Count; i++) yield return ($"WentWell[{i}]", p.WentWell[i]);
            for (int i = 0; i < p.WentPoorly.Count; i++) yield return ($"WentPoorly[{i}]", p.WentPoorly[i]);
            for (int i = 0; i < p.ActionItems.Count; i++)
            {
                yield return ($"ActionItems[{i}]", p.ActionItems[i].Action);
                yield return ($"ActionItems[{i}].Owner", p.ActionItems[i].Owner);
                yield return ($"ActionItems[{i}].Tracking", p.ActionItems[i].Tracking);
                yield return ($"ActionItems[{i}].StatusReason", p.ActionItems[i].StatusReason);
            }
            yield return ("LessonsLearned", p.LessonsLearned);
            for (int i = 0; i < p.Links.Count; i++)
            {
                yield return ($"Links[{i}]", p.Links[i].Title);
                yield return ($"Links[{i}].Uri", p.Links[i].Uri);
            }
            foreach (var section in p.Sections)
            {
                yield return ($"Sections['{section.Name}'].Name", section.Name);
                yield return ($"Sections['{section.Name}']", section.Text);
            }
            foreach (var field in ExternalVersion.Fields) yield return ("External." + field.Name, p.External[field.Name]);
            for (int i = 0; i < p.External.SignOffs.Count; i++)
            {
                yield return ($"External.SignOffs[{i}].Reviewer", p.External.SignOffs[i].Reviewer);
                yield return ($"External.SignOffs[{i}].Comment", p.External.SignOffs[i].Comment);
            }
            for (int i = 0; i < p.SignOffs.Count; i++)
            {
                yield return ($"SignOffs[{i}].Reviewer", p.SignOffs[i].Reviewer);
                yield return ($"SignOffs[{i}].Comment", p.SignOffs[i].Comment);
            }
            for (int i = 0; i < p.Unlocks.Count; i++) yield return ($"Unlocks[{i}].Reason", p.Unlocks[i].Reason);
            if (p.Publication is Publication publication)
            {
                // What the last publish recorded and the next one sends again; not Base, the page as it was published,
                // which a merge compares the wiki against (redacting it there would bring the secret back from the wiki).
                yield return ("Publication.Server", publication.Server);
                yield return ("Publication.UpdatedByName", publication.UpdatedByName);
                for (int i = 0; i < publication.Tags.Count; i++) yield return ($"Publication.Tags[{i}]", publication.Tags[i]);
            }
            if (p.External.Publication is Publication external)
            {
                yield return ("External.Publication.Server", external.Server);
                yield return ("External.Publication.UpdatedByName", external.UpdatedByName);
                for (int i = 0; i < external.Tags.Count; i++) yield return ($"External.Publication.Tags[{i}]", external.Tags[i]);
            }
        }

        /// <summary>Rewrites the free text of a postmortem, sign-off comments and unlock reasons included (not names of authors, reviewers, owners, or sources).</summary>
        public static int RewriteProse(Postmortem p, Func<string, string> rewrite)
        {
            int changed = 0;
            string? Apply(string? text)
            {
                if (text is null) return null;
                var result = rewrite(text);
                if (result != text) changed++;
                return result;
            }
            void ApplyList(IList<string> list)
            {
                for (int i = 0; i < list.Count; i++) list[i] = Text.Normalize(Apply(list[i])) ?? list[i];
            }
            p.Title = Text.SingleLine(Apply(p.Title)) ?? p.Title;
            p.ExecutiveSummary = Apply(p.ExecutiveSummary);
            for (int i = 0; i < p.Timeline.Count; i++)
            {
                var e = p.Timeline[i];
                var text = Apply(e.Event);
                if (text != e.Event) p.Timeline.ReplaceAt(i, e.With(@event: Text.Normalize(text) ?? e.Event));
            }
            p.Impact.UsersAffected = Apply(p.Impact.UsersAffected);
            p.Impact.DataLossDescription = Apply(p.Impact.DataLossDescription);
            p.Impact.RevenueImpact = Apply(p.Impact.RevenueImpact);
            p.RootCause = Apply(p.RootCause);
            ApplyList(p.Whys);
            foreach (var chain in p.WhyChains.ToList())
            {
                for (int i = 0; i < chain.Whys.Count; i++)
                {
                    var why = chain.Whys[i];
                    var text = Text.Normalize(Apply(why)) ?? why;
                    if (text != why) p.WhyChains.Replace(chain.Name, i, text);
                }
            }
            ApplyList(p.ContributingFactors);
            ApplyList(p.WentWell);
            ApplyList(p.WentPoorly);
            foreach (var item in p.ActionItems)
            {
                item.Action = Text.Normalize(Apply(item.Action)) ?? item.Action;
                item.Tracking = Apply(item.Tracking);
                if (item.StatusReason is string reason) item.StatusReason = Text.SingleLine(Apply(reason)) ?? reason;
            }
            p.LessonsLearned = Apply(p.LessonsLearned);
            for (int i = 0; i < p.Links.Count; i++)
            {
                var link = p.Links[i];
                var title = Text.SingleLine(Apply(link.Title)) ?? link.Title;
                if (title != link.Title) p.Links[i] = new PostmortemLink(title, link.Uri, link.Kind);
            }
            foreach (var section in p.Sections.ToList())
            {
                var text = Apply(section.Text);
                if (text != section.Text) p.Sections.Set(section.Name, Text.Normalize(text) ?? section.Text, section.After);
            }
            foreach (var field in ExternalVersion.Fields)
            {
                var text = p.External[field.Name];
                var rewritten = Apply(text);
                if (rewritten != text) p.External.Set(field.Name, rewritten);
            }
            foreach (var signOffs in new[] { p.SignOffs, p.External.SignOffs })
            {
                for (int i = 0; i < signOffs.Count; i++)
                {
                    var s = signOffs[i];
                    var comment = Apply(s.Comment);
                    if (comment != s.Comment) signOffs[i] = new SignOff(s.Reviewer, s.Date, comment, s.AcknowledgedRules, s.ContentDigest);
                }
            }
            for (int i = 0; i < p.Unlocks.Count; i++)
            {
                var u = p.Unlocks[i];
                var reason = Text.Normalize(Apply(u.Reason));
                if (reason is not null && reason != u.Reason) p.Unlocks[i] = new Unlock(u.Date, reason);
            }
            return changed;
        }
    }
}
