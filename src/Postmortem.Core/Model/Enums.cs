namespace Postmortems
{
    /// <summary>The guide's Severity Guide, P1 (complete outage) to P4 (no user impact).</summary>
    public enum Severity
    {
        P1 = 1,
        P2 = 2,
        P3 = 3,
        P4 = 4,
    }

    /// <summary>The template's Status line.</summary>
    public enum IncidentStatus
    {
        Resolved,
        Ongoing,
    }

    /// <summary>Where the incident happened; the guide files and reviews the two differently.</summary>
    public enum IncidentContext
    {
        Homelab,
        Work,
    }

    /// <summary>The rows of the template's Timeline, in the order an incident passes them.</summary>
    public enum Milestone
    {
        None = 0,
        FirstSymptom,
        Detected,
        InvestigationStarted,
        RootCauseIdentified,
        MitigationApplied,
        ServiceRestored,
        Resolved,
    }

    /// <summary>An action item's priority; the template allows P1 to P3.</summary>
    public enum ActionPriority
    {
        P1 = 1,
        P2 = 2,
        P3 = 3,
    }

    /// <summary>
    /// Where an action item stands. Open and InProgress are still to do (and can be overdue); Done records the day it
    /// was done; WontDo is a decision not to do it, which carries its reason.
    /// </summary>
    public enum ActionItemStatus
    {
        Open,
        InProgress,
        Done,
        WontDo,
    }
}
