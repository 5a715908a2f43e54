using System;
using System.Linq;
using Postmortems.Rules;
using Xunit;
using static Postmortems.Tests.RuleTestKit;

namespace Postmortems.Tests
{
    public class RuleTests
    {
        [Fact]
        public void A_complete_blameless_postmortem_has_no_findings()
        {
            Assert.Empty(Check(SamplePostmortems.CheckoutOutage()));
        }

        [Fact]
        public void Every_rule_has_a_unique_name_and_a_description_that_quotes_the_guide()
        {
            var names = PostmortemRules.All.Select(r => r.Name).ToList();
            Assert.Equal(names.Count, names.Distinct().Count());
            Assert.All(PostmortemRules.All, r => Assert.Contains("\"", r.Description));
        }

        [Fact]
        public void Findings_come_in_the_templates_section_order()
        {
            var p = new Postmortem("t");
            p.ActionItems.Add(new ActionItem("Be more careful"));
            var sections = Check(p).Select(r => r.Section).ToList();
            Assert.Equal(sections.OrderBy(s => s).ToList(), sections);
            Assert.Equal(PostmortemSection.Header, sections.First());
            Assert.Equal(PostmortemSection.LessonsLearned, sections.Last());
        }

        // RequiredSection

        [Fact]
        public void RequiredSection_reports_each_missing_section_as_an_error()
        {
            var findings = Check(new Postmortem("t"), nameof(RequiredSection));
            Assert.Equal(
                new[] { "Date", "Severity", "Status", "Authors", "ExecutiveSummary", "Timeline", "Impact", "RootCause", "ActionItems", "LessonsLearned" },
                findings.Select(f => f.Target));
            Assert.All(findings, f => Assert.Equal(DiagnosticSeverity.Error, f.Severity));
            Assert.All(findings, f => Assert.False(string.IsNullOrEmpty(f.Suggestion)));
        }

        [Fact]
        public void RequiredSection_reports_impact_without_who_was_affected()
        {
            var p = Sample(p => p.Impact.UsersAffected = null);
            Assert.Equal("Impact.UsersAffected", Assert.Single(Check(p, nameof(RequiredSection))).Target);
        }

        [Fact]
        public void RequiredSection_passes_a_complete_postmortem_and_does_not_require_reviewers()
        {
            Assert.Empty(Check(SamplePostmortems.CheckoutOutage(), nameof(RequiredSection)));
            Assert.Empty(Check(Sample(p => p.Reviewers.Clear()), nameof(RequiredSection)));
        }

        // ReviewersInWorkContext

        [Fact]
        public void ReviewersInWorkContext_expects_reviewers_at_work_only()
        {
            Assert.Single(Check(Sample(p => p.Reviewers.Clear()), nameof(ReviewersInWorkContext)));
            Assert.Single(Check(new Postmortem("t") { Context = IncidentContext.Work }, nameof(ReviewersInWorkContext)));
            Assert.Empty(Check(Sample(p => { p.Reviewers.Clear(); p.Context = IncidentContext.Homelab; }), nameof(ReviewersInWorkContext)));
            Assert.Empty(Check(Sample(p => { p.Reviewers.Clear(); p.Context = null; }), nameof(ReviewersInWorkContext)));
            Assert.Empty(Check(SamplePostmortems.CheckoutOutage(), nameof(ReviewersInWorkContext)));
        }

        // SentenceCount

        [Theory]
        [InlineData("Checkout failed.")]
        [InlineData("Checkout failed. It was down 47 minutes. 3,100 customers were affected. Revenue was lost.")]
        public void SentenceCount_flags_a_summary_outside_two_to_three_sentences(string summary)
        {
            var finding = Assert.Single(Check(Sample(p => p.ExecutiveSummary = summary), nameof(SentenceCount)));
            Assert.Equal("ExecutiveSummary", finding.Target);
        }

        [Theory]
        [InlineData("Checkout was down for 47 minutes, e.g. no orders. The SLA of 99.9% was breached.")]
        [InlineData("The gateway (v2.14.1) rejected the chain! About 3,100 customers could not pay? Service returned at 09:59.")]
        public void SentenceCount_is_not_fooled_by_abbreviations_decimals_and_versions(string summary)
        {
            Assert.Empty(Check(Sample(p => p.ExecutiveSummary = summary), nameof(SentenceCount)));
        }

        [Fact]
        public void SentenceCount_checks_the_lessons_learned_too()
        {
            Assert.Equal("LessonsLearned", Assert.Single(Check(Sample(p => p.LessonsLearned = "Verify chains."), nameof(SentenceCount))).Target);
        }

        // TimelineMilestones and SpecificTimes

        [Fact]
        public void TimelineMilestones_wants_the_first_symptom_or_the_detection_marked()
        {
            var p = Sample(p =>
            {
                var events = p.Timeline.Where(e => e.Milestone != Milestone.FirstSymptom && e.Milestone != Milestone.Detected).ToList();
                p.Timeline.Clear();
                foreach (var e in events) p.Timeline.Add(e);
            });
            Assert.Single(Check(p, nameof(TimelineMilestones)));
            var onlyLater = new Postmortem("t");
            onlyLater.Timeline.Add(new TimelineEvent(At(9, 0), "Rolled back", Milestone.MitigationApplied));
            Assert.Single(Check(onlyLater, nameof(TimelineMilestones)));
            Assert.Empty(Check(SamplePostmortems.CheckoutOutage(), nameof(TimelineMilestones)));
            var onlyDetected = Sample(p =>
            {
                var events = p.Timeline.Where(e => e.Milestone != Milestone.FirstSymptom).ToList();
                p.Timeline.Clear();
                foreach (var e in events) p.Timeline.Add(e);
            });
            Assert.Empty(Check(onlyDetected, nameof(TimelineMilestones)));
        }

        [Theory]
        [InlineData("Around 09:30 someone restarted the gateway")]
        [InlineData("Shortly after, the cache warmed up")]
        public void SpecificTimes_flags_approximate_times_in_events(string text)
        {
            Assert.Equal("Timeline[3]", Assert.Single(Check(WithEvent(text), nameof(SpecificTimes))).Target);
        }

        [Theory]
        [InlineData("Gateway restarted by the rollout controller")]
        [InlineData("Cache hit rate recovered to 94%")]
        public void SpecificTimes_passes_events_that_carry_their_own_time(string text)
        {
            Assert.Empty(Check(WithEvent(text), nameof(SpecificTimes)));
        }

        // MilestoneOrder

        [Fact]
        public void MilestoneOrder_flags_a_milestone_before_an_earlier_one()
        {
            var p = Sample(p => p.Timeline.Add(new TimelineEvent(At(9, 0), "Bundle restored (wrongly dated)", Milestone.MitigationApplied)));
            var finding = Assert.Single(Check(p, nameof(MilestoneOrder)));
            Assert.Equal("Timeline[0]", finding.Target);
            Assert.Contains("MitigationApplied", finding.Message);
            var resolvedFirst = Sample(p => p.Timeline.Add(new TimelineEvent(At(9, 13), "Marked resolved too early", Milestone.Resolved)));
            Assert.Contains("Resolved", Assert.Single(Check(resolvedFirst, nameof(MilestoneOrder))).Message);
        }

        [Fact]
        public void MilestoneOrder_passes_the_natural_order_and_repeated_non_milestone_events()
        {
            Assert.Empty(Check(SamplePostmortems.CheckoutOutage(), nameof(MilestoneOrder)));
            Assert.Empty(Check(WithEvent("Second page sent"), nameof(MilestoneOrder)));
        }

        // DuplicateMilestone

        [Fact]
        public void DuplicateMilestone_names_every_event_of_a_repeated_milestone_and_how_to_clear_the_others()
        {
            var p = Sample(p =>
            {
                p.Timeline.Add(new TimelineEvent(At(9, 40), "Second Alertmanager file: alert fired again", Milestone.Detected, "alertmanager"));
                p.Timeline.Add(new TimelineEvent(At(10, 10), "Third copy of the page", Milestone.Detected, "alertmanager"));
            });
            var finding = Assert.Single(Check(p, nameof(DuplicateMilestone)));
            Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
            Assert.Equal("Timeline[4]", finding.Target);
            Assert.Contains("3 events are marked Detected: Timeline[1] (09:15), Timeline[4] (09:40), Timeline[8] (10:10)", finding.Message);
            Assert.Contains("Set-TimelineEvent -Index 4, 8 -Milestone None", finding.Suggestion);
            Assert.Contains("earliest", finding.Suggestion);
        }

        [Fact]
        public void DuplicateMilestone_reports_each_repeated_milestone_once_and_passes_one_of_each()
        {
            Assert.Empty(Check(SamplePostmortems.CheckoutOutage(), nameof(DuplicateMilestone)));
            Assert.Empty(Check(WithEvent("Second page sent"), nameof(DuplicateMilestone)));
            var p = Sample(p =>
            {
                p.Timeline.Add(new TimelineEvent(At(9, 13), "Second alert fired", Milestone.FirstSymptom, "alertmanager"));
                p.Timeline.Add(new TimelineEvent(At(10, 5), "Resolved again", Milestone.Resolved));
            });
            Assert.Equal(new[] { "Timeline[1]", "Timeline[8]" }, Check(p, nameof(DuplicateMilestone)).Select(f => f.Target));
        }

        [Fact]
        public void DuplicateMilestone_lets_a_team_repeat_the_milestones_its_settings_name()
        {
            var p = Sample(p => p.Timeline.Add(new TimelineEvent(At(9, 55), "Second mitigation: traffic shifted", Milestone.MitigationApplied)));
            Assert.Single(Check(p, nameof(DuplicateMilestone)));
            var settings = RuleSettings.Default();
            settings.Apply("@{ AddWords = @{ RepeatableMilestones = @('mitigationapplied') } }", "team.psd1");
            Assert.Empty(PostmortemLinter.Check(p, settings, name => name == nameof(DuplicateMilestone)));
            var excluded = RuleSettings.Default();
            excluded.Apply("@{ ExcludeRules = @('DuplicateMilestone') }", "team.psd1");
            Assert.DoesNotContain(PostmortemLinter.Check(p, excluded, null), f => f.RuleName == nameof(DuplicateMilestone));
        }

        [Fact]
        public void The_metrics_and_the_rule_agree_once_the_other_events_are_cleared()
        {
            var p = Sample(p => p.Timeline.Add(new TimelineEvent(At(9, 40), "Page sent again", Milestone.Detected)));
            p.Timeline.Replace(4, p.Timeline[4].WithMilestone(Milestone.None));
            Assert.Empty(Check(p, nameof(DuplicateMilestone)));
            Assert.Equal(At(9, 15), p.Timeline.DurationStart!.UtcTime);
        }

        // StatusMatchesTimeline

        [Fact]
        public void StatusMatchesTimeline_flags_resolved_without_restoration_and_ongoing_with_resolution()
        {
            var resolvedWithoutEnd = new Postmortem("t") { Status = IncidentStatus.Resolved };
            resolvedWithoutEnd.Timeline.Add(new TimelineEvent(At(9, 0), "alert", Milestone.FirstSymptom));
            Assert.Single(Check(resolvedWithoutEnd, nameof(StatusMatchesTimeline)));
            Assert.Single(Check(Sample(p => p.Status = IncidentStatus.Ongoing), nameof(StatusMatchesTimeline)));
        }

        [Fact]
        public void StatusMatchesTimeline_passes_consistent_statuses()
        {
            Assert.Empty(Check(SamplePostmortems.CheckoutOutage(), nameof(StatusMatchesTimeline)));
            var ongoing = new Postmortem("t") { Status = IncidentStatus.Ongoing };
            ongoing.Timeline.Add(new TimelineEvent(At(9, 0), "alert", Milestone.FirstSymptom));
            ongoing.Timeline.Add(new TimelineEvent(At(9, 30), "partial fix", Milestone.MitigationApplied));
            Assert.Empty(Check(ongoing, nameof(StatusMatchesTimeline)));
        }

        // DurationMatchesTimeline and DateMatchesTimeline

        [Fact]
        public void DurationMatchesTimeline_flags_a_hand_set_duration_that_disagrees()
        {
            var finding = Assert.Single(Check(Sample(p => p.ExplicitDuration = TimeSpan.FromMinutes(20)), nameof(DurationMatchesTimeline)));
            Assert.Contains("00:20", finding.Message);
            Assert.Contains("00:47", finding.Message);
            Assert.Single(Check(Sample(p => p.ExplicitDuration = TimeSpan.FromHours(3)), nameof(DurationMatchesTimeline)));
        }

        [Fact]
        public void DurationMatchesTimeline_passes_an_agreeing_or_unset_duration()
        {
            Assert.Empty(Check(Sample(p => p.ExplicitDuration = TimeSpan.FromMinutes(47)), nameof(DurationMatchesTimeline)));
            Assert.Empty(Check(SamplePostmortems.CheckoutOutage(), nameof(DurationMatchesTimeline)));
        }

        [Fact]
        public void DateMatchesTimeline_flags_a_date_other_than_the_first_events_day()
        {
            var finding = Assert.Single(Check(Sample(p => p.Date = new DateTime(2026, 11, 21)), nameof(DateMatchesTimeline)));
            Assert.Contains("2026-11-20", finding.Suggestion);
            Assert.Single(Check(Sample(p => p.Date = new DateTime(2026, 11, 19)), nameof(DateMatchesTimeline)));
        }

        [Fact]
        public void DateMatchesTimeline_passes_the_first_events_day_and_a_timeline_that_crosses_midnight()
        {
            Assert.Empty(Check(SamplePostmortems.CheckoutOutage(), nameof(DateMatchesTimeline)));
            Assert.Empty(Check(Sample(p => p.Timeline.Add(new TimelineEvent(new DateTime(2026, 11, 21, 0, 30, 0, DateTimeKind.Utc), "Follow-up check"))), nameof(DateMatchesTimeline)));
        }

        // SeverityMatchesImpact

        [Fact]
        public void SeverityMatchesImpact_puts_data_loss_and_security_breaches_at_P1()
        {
            Assert.Contains("data loss", Assert.Single(Check(Sample(p => p.Impact.DataLoss = true), nameof(SeverityMatchesImpact))).Message);
            Assert.Contains("security breach", Assert.Single(Check(Sample(p => p.RootCause += " The leaked key allowed unauthorized access to the admin API."), nameof(SeverityMatchesImpact))).Message);
        }

        [Fact]
        public void SeverityMatchesImpact_puts_a_complete_outage_for_all_users_at_P1_and_no_user_impact_at_P4()
        {
            var outage = Sample(p => { p.Impact.UsersAffected = "all users"; p.ExecutiveSummary = "A complete outage of checkout for 47 minutes. No orders were taken."; });
            Assert.Contains("P1", Assert.Single(Check(outage, nameof(SeverityMatchesImpact))).Message);
            Assert.Contains("P4", Assert.Single(Check(Sample(p => p.Impact.UsersAffected = "none (caught in monitoring)"), nameof(SeverityMatchesImpact))).Message);
            Assert.Single(Check(Sample(p => p.Impact.UsersAffected = "0 users"), nameof(SeverityMatchesImpact)));
        }

        [Fact]
        public void SeverityMatchesImpact_passes_matching_severities_and_is_not_fooled_by_near_misses()
        {
            Assert.Empty(Check(SamplePostmortems.CheckoutOutage(), nameof(SeverityMatchesImpact)));   // "the SLA was breached" is no security breach
            Assert.Empty(Check(Sample(p => { p.Impact.DataLoss = true; p.Severity = Severity.P1; }), nameof(SeverityMatchesImpact)));
            Assert.Empty(Check(Sample(p => p.Impact.UsersAffected = "0.5% of users"), nameof(SeverityMatchesImpact)));
            Assert.Empty(Check(Sample(p => { p.Impact.UsersAffected = "none"; p.Severity = Severity.P4; }), nameof(SeverityMatchesImpact)));
        }

        // BlamelessLanguage

        [Theory]
        [InlineData("Root cause: human error.")]
        [InlineData("Engineer ran the wrong command.")]
        [InlineData("HUMAN-ERROR during the\nmaintenance window")]
        [InlineData("The on-call forgot\nto renew the certificate.")]
        [InlineData("The engineer deleted the production namespace.")]
        [InlineData("Priya rotated the certificate without checking the chain.")]
        [InlineData("Operator error, plain and simple")]
        [InlineData("It was careless to deploy on a Friday.")]
        public void BlamelessLanguage_flags_blame_and_a_person_as_the_subject(string rootCause)
        {
            var finding = Assert.Single(Check(WithRootCause(rootCause), nameof(BlamelessLanguage)));
            Assert.Equal(DiagnosticSeverity.Error, finding.Severity);
            Assert.Equal("RootCause", finding.Target);
            Assert.Contains("We had no guard against", finding.Suggestion);
        }

        [Theory]
        [InlineData("We had no guard against running destructive commands on production.")]
        [InlineData("The deploy script ran against production because it lacked a dry-run guard.")]
        [InlineData("The postmortem process is blameless; the pipeline had no chain check.")]
        [InlineData("The operator had no way to see which cluster the context pointed at.")]
        [InlineData("Engineer onboarding did not cover the rotation runbook.")]
        [InlineData("The error budget was exhausted because retries amplified the fault.")]
        [InlineData("The on-call engineer was paged at 09:15 and acknowledged within 3 minutes.")]
        public void BlamelessLanguage_passes_system_and_process_framings(string rootCause)
        {
            Assert.Empty(Check(WithRootCause(rootCause), nameof(BlamelessLanguage)));
        }

        [Fact]
        public void BlamelessLanguage_also_reads_contributing_factors_and_what_went_poorly()
        {
            var p = Sample(p => { p.ContributingFactors.Add("Human error"); p.WentPoorly.Add("Someone forgot to page the DBA"); });
            Assert.Equal(new[] { "ContributingFactors[2]", "WentPoorly[1]" }, Check(p, nameof(BlamelessLanguage)).Select(f => f.Target));
        }

        // FiveWhysDepth and FiveWhysEndsInSystem

        [Fact]
        public void FiveWhysDepth_warns_below_three_whys()
        {
            Assert.Single(Check(Sample(p => p.Whys.Clear()), nameof(FiveWhysDepth)));
            Assert.Contains("only 2 whys", Assert.Single(Check(Sample(p => { p.Whys.RemoveAt(3); p.Whys.RemoveAt(2); }), nameof(FiveWhysDepth))).Message);
        }

        [Fact]
        public void FiveWhysDepth_passes_three_or_more()
        {
            Assert.Empty(Check(Sample(p => p.Whys.RemoveAt(3)), nameof(FiveWhysDepth)));
            Assert.Empty(Check(SamplePostmortems.CheckoutOutage(), nameof(FiveWhysDepth)));
        }

        [Theory]
        [InlineData("Why was the wrong bundle deployed? The engineer forgot to include the intermediate.")]
        [InlineData("Why? Human error.")]
        public void FiveWhysEndsInSystem_flags_a_chain_that_ends_on_a_person(string lastWhy)
        {
            var finding = Assert.Single(Check(Sample(p => p.Whys.Add(lastWhy)), nameof(FiveWhysEndsInSystem)));
            Assert.Equal("Whys[4]", finding.Target);
            Assert.Equal(DiagnosticSeverity.Error, finding.Severity);
        }

        [Theory]
        [InlineData("Why did the engineer not notice? The pipeline showed no chain errors.")]
        [InlineData("Why was there no check? Certificate rotation was automated without a verification step.")]
        public void FiveWhysEndsInSystem_passes_a_chain_that_ends_on_a_system_gap_even_if_the_question_names_a_person(string lastWhy)
        {
            Assert.Empty(Check(Sample(p => p.Whys.Add(lastWhy)), nameof(FiveWhysEndsInSystem)));
        }

        // ActionItemComplete

        [Fact]
        public void ActionItemComplete_wants_owner_due_date_and_priority()
        {
            var p = Sample(p => p.ActionItems.Add(new ActionItem("Add a chain check")));
            var findings = Check(p, nameof(ActionItemComplete));
            Assert.Equal(3, findings.Count);
            Assert.All(findings, f => Assert.Equal("ActionItems[3]", f.Target));
        }

        [Fact]
        public void ActionItemComplete_flags_a_due_date_before_the_incident_and_passes_complete_items()
        {
            var early = Sample(p => p.ActionItems[0].DueDate = new DateTime(2026, 11, 1));
            Assert.Contains("before the incident", Assert.Single(Check(early, nameof(ActionItemComplete))).Message);
            Assert.Empty(Check(Sample(p => p.ActionItems[0].DueDate = new DateTime(2026, 11, 20)), nameof(ActionItemComplete)));
            Assert.Empty(Check(SamplePostmortems.CheckoutOutage(), nameof(ActionItemComplete)));
        }

        // VagueActionItem, ActionItemImperative, ActionItemTargetsPerson: the guide's own Good and Bad columns

        [Theory]
        [InlineData("Be more careful when deploying")]
        [InlineData("Add more monitoring")]
        [InlineData("Improve communication")]
        [InlineData("Investigate why the cache is slow")]
        [InlineData("Look into certificate expiry alerts")]
        [InlineData("Try to reduce deploy frequency")]
        [InlineData("Make sure backups work")]
        public void VagueActionItem_flags_the_guides_bad_column_and_its_kin(string action)
        {
            var findings = Check(WithAction(action));
            var finding = Assert.Single(findings);
            Assert.Equal(nameof(VagueActionItem), finding.RuleName);
            Assert.Contains("Add Grafana alert for OpenBao seal status with 5-minute threshold", finding.Suggestion);
        }

        [Theory]
        [InlineData("Add --dry-run verification step to deploy runbook")]
        [InlineData("Add Grafana alert for OpenBao seal status with 5-minute threshold")]
        [InlineData("Add #incidents Slack channel to runbook as required notification step")]
        public void The_guides_good_action_items_produce_no_finding(string action)
        {
            Assert.Empty(Check(WithAction(action)));
        }

        [Theory]
        [InlineData("Alerting on seal status should be added")]
        [InlineData("Runbook for unsealing")]
        public void ActionItemImperative_flags_passive_voice_and_a_missing_verb(string action)
        {
            var finding = Assert.Single(Check(WithAction(action), nameof(ActionItemImperative)));
            Assert.Equal("ActionItems[0]", finding.Target);
        }

        [Theory]
        [InlineData("Configure OpenBao auto-unseal with the Transit engine")]
        [InlineData("Document the unseal procedure in the runbook")]
        public void ActionItemImperative_passes_imperative_actions(string action)
        {
            Assert.Empty(Check(WithAction(action), nameof(ActionItemImperative)));
        }

        [Theory]
        [InlineData("John should double-check the deploy target")]
        [InlineData("Retrain the engineer on kubectl contexts")]
        [InlineData("Remind the on-call to check the dashboard")]
        [InlineData("The operator must remember to drain the node first")]
        public void ActionItemTargetsPerson_flags_actions_aimed_at_individuals(string action)
        {
            var finding = Assert.Single(Check(WithAction(action), nameof(ActionItemTargetsPerson)));
            Assert.Equal(DiagnosticSeverity.Error, finding.Severity);
        }

        [Theory]
        [InlineData("Add a confirmation prompt to the production deploy script")]
        [InlineData("Train the on-call rotation on the new unseal runbook")]
        public void ActionItemTargetsPerson_passes_changes_to_systems_and_processes(string action)
        {
            Assert.Empty(Check(WithAction(action), nameof(ActionItemTargetsPerson)));
        }

        // VagueQuantity, Hedging, TimelineTense

        [Theory]
        [InlineData("There was some downtime. Users were affected.")]
        [InlineData("Checkout failed for a while. A few users complained.")]
        public void VagueQuantity_flags_the_guides_bad_example_and_its_kin(string summary)
        {
            Assert.Equal("ExecutiveSummary", Assert.Single(Check(Sample(p => p.ExecutiveSummary = summary), nameof(VagueQuantity))).Target);
        }

        [Fact]
        public void VagueQuantity_reads_impact_and_timeline_and_passes_numbers()
        {
            Assert.Equal("Impact.UsersAffected", Assert.Single(Check(Sample(p => p.Impact.UsersAffected = "some users"), nameof(VagueQuantity))).Target);
            Assert.Equal("Timeline[3]", Assert.Single(Check(WithEvent("Some errors in the gateway log"), nameof(VagueQuantity))).Target);
            Assert.Empty(Check(Sample(p => p.ExecutiveSummary = "The service was unavailable for 47 minutes. 3,100 customers were affected."), nameof(VagueQuantity)));
            Assert.Empty(Check(Sample(p => p.Impact.UsersAffected = "all users"), nameof(VagueQuantity)));
        }

        [Theory]
        [InlineData("Unfortunately alerting was missing.")]
        [InlineData("Sadly the rollback took 20 minutes.")]
        public void Hedging_flags_the_guides_bad_example_as_information(string rootCause)
        {
            var finding = Assert.Single(Check(WithRootCause(rootCause), nameof(Hedging)));
            Assert.Equal(DiagnosticSeverity.Information, finding.Severity);
            Assert.Contains("We did not have alerting on X", finding.Suggestion);
        }

        [Theory]
        [InlineData("We did not have alerting on seal status.")]
        [InlineData("The rollback took 20 minutes because the runbook was out of date.")]
        public void Hedging_passes_plain_statements(string rootCause)
        {
            Assert.Empty(Check(WithRootCause(rootCause), nameof(Hedging)));
        }

        [Theory]
        [InlineData("Checkout is failing for EU users")]
        [InlineData("Gateway will restart after the config push")]
        public void TimelineTense_flags_present_progressive_and_future(string text)
        {
            Assert.Single(Check(WithEvent(text), nameof(TimelineTense)));
        }

        [Theory]
        [InlineData("Checkout was failing for EU users")]
        [InlineData("The string 'is pending' appeared in the job log")]
        public void TimelineTense_passes_the_past_tense(string text)
        {
            Assert.Empty(Check(WithEvent(text), nameof(TimelineTense)));
        }
    }
}
