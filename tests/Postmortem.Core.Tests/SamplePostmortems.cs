using System;

namespace Postmortems.Tests
{
    /// <summary>Postmortems the tests render: one with every template section filled, one just started.</summary>
    internal static class SamplePostmortems
    {
        public static readonly Guid WorkId = new Guid("3f2a7c1e-9b4d-4e8a-a1c2-5d6e7f809a1b");

        public static Postmortem CheckoutOutage()
        {
            var p = new Postmortem("Checkout API returned 502s after certificate rotation", WorkId)
            {
                Date = new DateTime(2026, 11, 20),
                Severity = Severity.P2,
                Status = IncidentStatus.Resolved,
                Context = IncidentContext.Work,
                ExecutiveSummary = "Checkout was unavailable for 47 minutes on 2026-11-20 because the API gateway rejected the new TLS certificate chain. About 3,100 customers could not complete a purchase. Service was restored by rolling back the certificate bundle.",
                RootCause = "The certificate rotation job uploaded a bundle without the intermediate certificate. The gateway validates the full chain on reload, so every upstream TLS handshake failed.\n\nWe had no check in the rotation pipeline that the bundle forms a complete chain before it is deployed.",
                LessonsLearned = "Automated certificate rotation removed a manual step but also the human check of the chain. Every automated change to production needs its own verification step.",
            };
            p.Authors.Add("Priya Natarajan");
            p.Authors.Add("payments SRE");
            p.Reviewers.Add("Marcus Lee");
            p.Impact.ServicesAffected.Add("checkout-api");
            p.Impact.ServicesAffected.Add("mobile app checkout");
            p.Impact.UsersAffected = "about 3,100 customers";
            p.Impact.DataLoss = false;
            p.Impact.RevenueImpact = "Estimated $41,000 in delayed orders; the 99.9% monthly SLA was breached.";

            var day = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
            p.Timeline.Add(new TimelineEvent(day.AddHours(9).AddMinutes(12), "5xx rate alert fired for checkout-api", Milestone.FirstSymptom, "alertmanager"));
            p.Timeline.Add(new TimelineEvent(day.AddHours(9).AddMinutes(15), "On-call acknowledged the page", Milestone.Detected, "pagerduty"));
            p.Timeline.Add(new TimelineEvent(day.AddHours(9).AddMinutes(21), "Incident channel opened; gateway logs pulled", Milestone.InvestigationStarted, "slack"));
            p.Timeline.Add(new TimelineEvent(day.AddHours(9).AddMinutes(38), "Gateway logs showed 'unable to get local issuer certificate'", Milestone.RootCauseIdentified, "kubectl"));
            p.Timeline.Add(new TimelineEvent(day.AddHours(9).AddMinutes(52), "Previous certificate bundle restored", Milestone.MitigationApplied));
            p.Timeline.Add(new TimelineEvent(day.AddHours(9).AddMinutes(59), "Checkout success rate back to 99.8%", Milestone.ServiceRestored, "grafana"));
            p.Timeline.Add(new TimelineEvent(day.AddHours(10).AddMinutes(2), "Error budget and dashboards confirmed stable for 60 minutes", Milestone.Resolved));

            p.Whys.Add("Why did checkout fail? The gateway rejected every upstream TLS handshake.");
            p.Whys.Add("Why were handshakes rejected? The deployed bundle lacked the intermediate certificate.");
            p.Whys.Add("Why did the bundle lack it? The rotation job concatenated only the leaf and the key.");
            p.Whys.Add("Why was that not caught? The pipeline had no chain-verification step before deploy.");

            p.ContributingFactors.Add("No alert on certificate chain validity in the gateway");
            p.ContributingFactors.Add("The rotation runbook did not describe how to roll back");
            p.WentWell.Add("The 5xx alert fired within 3 minutes of the reload");
            p.WentWell.Add("Rollback of the bundle worked as expected");
            p.WentPoorly.Add("26 minutes to identify the root cause, because gateway TLS errors were logged at debug level only");

            p.ActionItems.Add(new ActionItem("Add `openssl verify` of the full chain to the rotation pipeline before deploy")
            {
                Owner = "payments SRE",
                DueDate = new DateTime(2026, 12, 4),
                Priority = ActionPriority.P1,
                Tracking = "PAY-1423",
            });
            p.ActionItems.Add(new ActionItem("Add Prometheus alert for certificate chain errors with a 5-minute threshold")
            {
                Owner = "observability",
                DueDate = new DateTime(2026, 12, 11),
                Priority = ActionPriority.P2,
            });
            var runbook = new ActionItem("Update the rotation runbook with the rollback steps")
            {
                Owner = "Priya Natarajan",
                DueDate = new DateTime(2026, 12, 18),
                Priority = ActionPriority.P3,
            };
            runbook.SetStatus(ActionItemStatus.Done, doneDate: new DateTime(2026, 11, 27));
            p.ActionItems.Add(runbook);
            return p;
        }

        public static Postmortem JustStarted() => new Postmortem("OpenBao sealed after node reboot", new Guid("0b7e2d4c-1111-4a2b-9c3d-4e5f60718293"));
    }
}
