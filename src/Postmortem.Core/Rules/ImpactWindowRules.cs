using System;
using Postmortems.Rendering;

namespace Postmortems.Rules
{
    /// <summary>
    /// The impact's windows run forwards: the impact and the data loss each end after they start, and degradation
    /// does not begin after the impact ended. A window the wrong way round is a typo in a time, and every length and
    /// clock measured from it would be wrong.
    /// </summary>
    internal sealed class ImpactWindowOrder : PostmortemRule
    {
        public override string Name => nameof(ImpactWindowOrder);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;
        public override PostmortemSection Section => PostmortemSection.Impact;
        public override string Description =>
            "The impact's windows end after they start (the impact window, the data-loss window; the degradation begins before the impact ends), so \"how long\" is measured right. The guide: \"What broke, how long, what was the user/business impact\".";

        internal override void Check(RuleContext context)
        {
            var impact = context.Postmortem.Impact;
            if (impact.ImpactStart is DateTime start && impact.ImpactEnd is DateTime end && start > end)
            {
                context.Report("Impact.ImpactStart", $"The impact window starts at {ReadableTime.Utc(start)}, after it ends at {ReadableTime.Utc(end)}.",
                    "Check both times (a date, or a time of day that falls on the postmortem's Date): Set-Postmortem -ImpactStart ... -ImpactEnd ....");
            }
            if (impact.DataLossStart is DateTime lostFrom && impact.DataLossEnd is DateTime lostTo && lostFrom > lostTo)
            {
                context.Report("Impact.DataLossStart", $"The data-loss window starts at {ReadableTime.Utc(lostFrom)}, after it ends at {ReadableTime.Utc(lostTo)}.",
                    "Check both times: Set-Postmortem -DataLossStart ... -DataLossEnd ....");
            }
            if (impact.DegradationStart is DateTime degraded && impact.ImpactEnd is DateTime over && degraded > over)
            {
                context.Report("Impact.DegradationStart", $"The degradation began at {ReadableTime.Utc(degraded)}, after the impact ended at {ReadableTime.Utc(over)}.",
                    "Check both times: Set-Postmortem -DegradationStart ... -ImpactEnd ....");
            }
        }
    }

    /// <summary>
    /// A window that says when it ended says when it began, and a data-loss window goes with data loss. An end alone is
    /// kept (it may be all a source gives), but a reader cannot tell how long the impact lasted.
    /// </summary>
    internal sealed class ImpactWindowComplete : PostmortemRule
    {
        public override string Name => nameof(ImpactWindowComplete);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;
        public override PostmortemSection Section => PostmortemSection.Impact;
        public override string Description =>
            "A window with an end has its start, and a data-loss window goes with \"Data loss: yes\". The guide: \"Data loss: [yes/no — if yes, describe]\".";

        internal override void Check(RuleContext context)
        {
            var impact = context.Postmortem.Impact;
            if (impact.ImpactEnd is DateTime end && impact.ImpactStart is null)
            {
                context.Report("Impact.ImpactEnd", $"The impact window ends at {ReadableTime.Utc(end)} but has no start, so its length is unknown.",
                    "Set-Postmortem -ImpactStart with when users were first affected (from the first alert, error rates or support tickets).");
            }
            if (impact.DataLossEnd is DateTime lostTo && impact.DataLossStart is null)
            {
                context.Report("Impact.DataLossEnd", $"The data-loss window ends at {ReadableTime.Utc(lostTo)} but has no start, so what was lost is not bounded.",
                    "Set-Postmortem -DataLossStart with the time of the last data that was kept (the last good backup or snapshot).");
            }
            if (impact.DataLoss == false && (impact.DataLossStart ?? impact.DataLossEnd).HasValue)
            {
                context.Report("Impact.DataLoss", $"The impact gives a data-loss window (from {ReadableTime.Utc(impact.DataLossStart) ?? "an unknown start"} to {ReadableTime.Utc(impact.DataLossEnd) ?? "an unknown end"}), but says no data was lost.",
                    "Set-Postmortem -DataLoss $true if data was lost; otherwise clear the window with -DataLossStart $null -DataLossEnd $null.");
            }
        }
    }
}
