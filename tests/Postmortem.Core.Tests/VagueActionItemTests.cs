using System.Linq;
using Postmortems.Rules;
using Xunit;
using static Postmortems.Tests.RuleTestKit;

namespace Postmortems.Tests
{
    /// <summary>
    /// VagueActionItem reads the shape of an action item: a verb that names an intention (improve, harden, ensure,
    /// review ...) with no measure, work to decide a change, a quality to reach instead of a change, a stance or a
    /// promise, a setting without its value. A vague item is reported once, as vague; ActionItemImperative leaves it.
    /// </summary>
    public class VagueActionItemTests
    {
        private static readonly string[] ActionRules = { nameof(VagueActionItem), nameof(ActionItemImperative) };

        private static DiagnosticRecord[] ActionFindings(string action) =>
            PostmortemLinter.Check(WithAction(action), Defaults, name => ActionRules.Contains(name)).ToArray();

        [Theory]
        [InlineData("Improve Redis failover documentation/runbooks")]
        [InlineData("Enhance our alerting around the payment queue")]
        [InlineData("Harden the ingress controller")]
        [InlineData("Revisit the on-call rotation")]
        [InlineData("Ensure that the status page stays reachable during an outage")]
        [InlineData("Prioritize stability work in the next planning cycle")]
        [InlineData("Invest in better load testing")]
        [InlineData("De-risk database migrations")]
        [InlineData("Continue to strengthen the backup process")]
        [InlineData("Continue improving the release pipeline")]
        public void A_verb_of_intention_without_a_measure_is_vague(string action)
        {
            var finding = Assert.Single(ActionFindings(action));
            Assert.Equal(nameof(VagueActionItem), finding.RuleName);
            Assert.Contains("Add Grafana alert for OpenBao seal status with 5-minute threshold", finding.Suggestion);
            Assert.Contains("Add --dry-run verification step to deploy runbook", finding.Suggestion);
        }

        [Theory]
        [InlineData("Evaluate options for cross-region backups")]
        [InlineData("Assess whether the queue needs a second consumer")]
        [InlineData("Work with the CDN vendor to understand its purge limits")]
        [InlineData("Double-check replica lag before a failover")]
        [InlineData("Reassess the paging policy")]
        public void Work_to_decide_a_change_is_vague(string action)
        {
            Assert.Equal(nameof(VagueActionItem), Assert.Single(ActionFindings(action)).RuleName);
        }

        [Theory]
        [InlineData("Take a more disciplined approach to schema changes")]
        [InlineData("Provide clearer updates to customers")]
        [InlineData("Make the checkout service more robust")]
        [InlineData("Make failovers safer")]
        [InlineData("Reduce the likelihood of a repeat")]
        [InlineData("Raise unit test coverage")]
        [InlineData("Post incident updates earlier")]
        [InlineData("Take measures so that this cannot recur")]
        [InlineData("Do a thorough retrospective of the release process")]
        [InlineData("Work on better dashboards")]
        [InlineData("Increase monitoring of the export jobs")]
        public void A_quality_a_stance_or_a_promise_is_vague(string action)
        {
            Assert.Equal(nameof(VagueActionItem), Assert.Single(ActionFindings(action)).RuleName);
        }

        [Theory]
        [InlineData("Set the connection pool size to a reasonable value")]
        [InlineData("Tune the retry timeouts appropriately")]
        [InlineData("Lower the alert thresholds to sensible levels")]
        [InlineData("Configure a connection timeout on every HTTP client")]
        [InlineData("Move the vacuum job to an earlier time")]
        public void A_setting_without_its_value_is_vague(string action)
        {
            Assert.Equal(nameof(VagueActionItem), Assert.Single(ActionFindings(action)).RuleName);
        }

        [Theory]
        [InlineData("We will make improvements to the safety of the deploy pipeline")]
        [InlineData("We are updating our processes to make sure this does not happen again")]
        [InlineData("We've strengthened the resilience of our queue consumers")]
        [InlineData("The platform team has improved paging so it can respond sooner")]
        [InlineData("After the migration we intend to optimize how certificates are issued")]
        [InlineData("We will be adding alerting to prevent similar outages")]
        [InlineData("We will be improving the handover so that this cannot happen again")]
        [InlineData("The billing service needs more robust retries")]
        [InlineData("Evaluating options for a second payment provider")]
        public void A_promise_in_prose_is_reported_once_as_vague_not_as_a_missing_verb(string action)
        {
            Assert.Equal(nameof(VagueActionItem), Assert.Single(ActionFindings(action)).RuleName);
        }

        [Theory]
        [InlineData("Require a double-check and a confirmation in the deploy automation")]
        [InlineData("Improve the dump check so it fails when the file is under 1 MB")]
        [InlineData("Review every alert threshold against the last 30 days of data")]
        [InlineData("Move the cache to hosts with more memory")]
        [InlineData("Re-enable the CPU guard for regular expressions")]
        [InlineData("Load-test the checkout flow before each sale")]
        [InlineData("Improve the backup script so it verifies the checksum of every archive")]
        [InlineData("Migrate our monitoring to a second region")]
        [InlineData("Set the lock timeout to 5 seconds on every migration")]
        [InlineData("Add monitoring for the seal status of every OpenBao node")]
        [InlineData("Manually verify all 12 shard maps after the migration")]
        [InlineData("Take nightly snapshots of the ledger database and keep 30 of them")]
        [InlineData("Accelerate the migration of the status page to an external provider")]
        [InlineData("Raise the open-files limit on the queue hosts to 65536")]
        [InlineData("Add --dry-run verification step to deploy runbook")]
        [InlineData("Add Grafana alert for OpenBao seal status with 5-minute threshold")]
        [InlineData("Add #incidents Slack channel to runbook as required notification step")]
        public void A_named_change_is_neither_vague_nor_a_missing_verb(string action)
        {
            Assert.Empty(ActionFindings(action));
        }

        [Theory]
        [InlineData("Restore of last night's backup onto a staging host")]
        [InlineData("Read-only mode for the billing API during maintenance")]
        [InlineData("Per-tenant quotas on the export API")]
        [InlineData("Dashboards have been added for replica lag on every cluster")]
        [InlineData("Enforcing a 10-second lock timeout on schema migrations")]
        [InlineData("Better alerting on disk usage")]
        [InlineData("We're rolling out the patch to every region")]
        public void A_specific_change_that_is_not_an_imperative_is_not_vague(string action)
        {
            Assert.Equal(nameof(ActionItemImperative), Assert.Single(ActionFindings(action)).RuleName);
        }

        [Fact]
        public void A_vague_finding_names_what_made_it_vague()
        {
            Assert.Contains("'improve'", Assert.Single(ActionFindings("Improve Redis failover documentation/runbooks")).Message);
            Assert.Contains("'reasonable value'", Assert.Single(ActionFindings("Set the connection pool size to a reasonable value")).Message);
            Assert.Contains("'more robust'", Assert.Single(ActionFindings("Make the checkout service more robust")).Message);
        }
    }
}
