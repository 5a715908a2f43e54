namespace Postmortems
{
    /// <summary>What each milestone stands for: the template's Timeline rows.</summary>
    public static class MilestoneGuide
    {
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
    }
}
