using System;
using System.Linq;

namespace Postmortems
{
    /// <summary>What each milestone stands for: the template's Timeline rows.</summary>
    public static class MilestoneGuide
    {
        /// <summary>The milestones an event can mark, in the order an incident passes them.</summary>
        public static Milestone[] Milestones { get; } =
        {
            Milestone.FirstSymptom, Milestone.Detected, Milestone.InvestigationStarted, Milestone.RootCauseIdentified,
            Milestone.MitigationApplied, Milestone.ServiceRestored, Milestone.Resolved,
        };

        public static string Describe(Milestone milestone) => milestone switch
        {
            Milestone.FirstSymptom => "First symptom / alert fired",
            Milestone.Detected => "Detection / someone noticed",
            Milestone.InvestigationStarted => "Investigation started",
            Milestone.RootCauseIdentified => "Root cause identified",
            Milestone.MitigationApplied => "Mitigation applied",
            Milestone.ServiceRestored => "Service restored",
            Milestone.Resolved => "Full resolution / monitoring confirmed stable",
            _ => "Not a milestone",
        };

        /// <summary>The milestone in words, as the page's Milestone column shows it; empty for a plain event.</summary>
        public static string Words(Milestone milestone) => milestone switch
        {
            Milestone.FirstSymptom => "First symptom",
            Milestone.Detected => "Detected",
            Milestone.InvestigationStarted => "Investigation started",
            Milestone.RootCauseIdentified => "Root cause identified",
            Milestone.MitigationApplied => "Mitigation applied",
            Milestone.ServiceRestored => "Service restored",
            Milestone.Resolved => "Resolved",
            _ => string.Empty,
        };

        /// <summary>
        /// Reads a milestone as the page shows it ("Root cause identified") or by its name (RootCauseIdentified), in
        /// any case and spacing; also the template's own row names "Detection" and "Full resolution", and "None".
        /// </summary>
        public static bool TryParse(string? text, out Milestone milestone)
        {
            milestone = Milestone.None;
            if (text is null) return true;
            var key = new string(text.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());
            if (key.Length == 0 || key == "none") return true;
            if (key == "detection") key = "detected";
            if (key == "fullresolution") key = "resolved";
            foreach (var candidate in Milestones)
            {
                if (string.Equals(candidate.ToString(), key, StringComparison.OrdinalIgnoreCase))
                {
                    milestone = candidate;
                    return true;
                }
            }
            return false;
        }
    }
}
