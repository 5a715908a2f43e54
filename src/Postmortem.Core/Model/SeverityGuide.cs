using System.Collections.Generic;

namespace Postmortems
{
    /// <summary>The guide's Severity Guide as data: what each severity means and the response it calls for.</summary>
    public static class SeverityGuide
    {
        public static IReadOnlyDictionary<Severity, string> Criteria { get; } = new Dictionary<Severity, string>
        {
            [Severity.P1] = "Complete outage, data loss, security breach",
            [Severity.P2] = "Major degradation, SLA at risk, significant user impact",
            [Severity.P3] = "Partial degradation, workaround available, limited impact",
            [Severity.P4] = "Minor issue, no user impact, caught in monitoring",
        };

        public static IReadOnlyDictionary<Severity, string> Response { get; } = new Dictionary<Severity, string>
        {
            [Severity.P1] = "All hands, immediate",
            [Severity.P2] = "Urgent",
            [Severity.P3] = "Fix within hours",
            [Severity.P4] = "Fix within days",
        };
    }
}
