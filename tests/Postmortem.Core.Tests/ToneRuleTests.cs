using System.Linq;
using Postmortems.Rules;
using Xunit;
using static Postmortems.Tests.RuleTestKit;

namespace Postmortems.Tests
{
    /// <summary>
    /// Hedging and VagueQuantity read the shape of a sentence, not only fixed phrases: a modal or an epistemic adverb that
    /// doubts the fact, a belief in place of the fact; a quantifier, a size word or a bare unit where a number belongs.
    /// The guide: "The service was unavailable for 47 minutes" — not "there was some downtime"; "We did not have alerting
    /// on X" — not "unfortunately alerting was missing".
    /// </summary>
    public class ToneRuleTests
    {
        private static DiagnosticRecord? InSummary(string summary, string rule) =>
            Check(Sample(p => p.ExecutiveSummary = summary), rule).SingleOrDefault(f => f.Target == "ExecutiveSummary");

        // Hedging

        [Theory]
        [InlineData("The cache might have been cold after the failover.")]
        [InlineData("The queue may have overflowed before the page went out.")]
        [InlineData("The disk may be the bottleneck on the new shard.")]
        [InlineData("The retry storm could have been avoided with jitter.")]
        [InlineData("The fix should probably have shipped first.")]
        [InlineData("The TLS handshake probably timed out.")]
        [InlineData("Presumably the cron job ran twice.")]
        [InlineData("Perhaps the health check was too strict.")]
        [InlineData("The upstream provider reportedly rotated its keys.")]
        [InlineData("The new flag potentially doubled the write load.")]
        [InlineData("The root cause is most likely a stale DNS record.")]
        [InlineData("The trigger was likely the schema change at 09:12.")]
        public void Hedging_flags_modal_hedges_and_epistemic_adverbs(string summary)
        {
            Assert.NotNull(InSummary(summary, nameof(Hedging)));
        }

        [Theory]
        [InlineData("We think the load balancer dropped the health checks.")]
        [InlineData("We now believe the trigger was the schema change.")]
        [InlineData("I suspect the kernel update changed the defaults.")]
        [InlineData("It is unclear why the replica stopped streaming.")]
        [InlineData("It's possible that the lock was never released.")]
        [InlineData("The cause of the second spike remains unclear.")]
        [InlineData("As far as we can tell, no writes were lost.")]
        [InlineData("As far as the DBA can tell, the index is intact.")]
        [InlineData("The scheduler seems to have skipped the 02:00 run.")]
        [InlineData("The workers appear to be stuck on the old lease.")]
        [InlineData("It looks like the resolver cached the old record.")]
        [InlineData("For reasons that are not yet clear, the pod restarted at 14:02.")]
        [InlineData("For some reason the pod restarted at 14:02.")]
        [InlineData("The retry change should address the duplicate emails.")]
        [InlineData("This should not happen again now that the guard is in place.")]
        [InlineData("We are fairly confident the migration finished at 03:10.")]
        [InlineData("Thankfully, the backups were intact.")]
        [InlineData("According to one report, the vendor changed the API without notice.")]
        public void Hedging_flags_beliefs_uncertainty_and_hoped_outcomes_in_place_of_the_fact(string summary)
        {
            Assert.NotNull(InSummary(summary, nameof(Hedging)));
        }

        [Theory]
        [InlineData("Customers could not log in from 13:42 to 14:09 UTC.")]
        [InlineData("Jobs may run twice when the scheduler restarts, so the handler is idempotent.")]
        [InlineData("A repeat is more likely when the disk is above 90% full.")]
        [InlineData("Without a guard on the rotation job, the outage is likely to recur.")]
        [InlineData("The migration planned in May had been tested on staging.")]
        [InlineData("The script ran a potentially destructive command on db2.")]
        [InlineData("It was possible to log in through the mobile app throughout.")]
        [InlineData("The backup appeared in the bucket at 03:10.")]
        [InlineData("The queue could be drained from the admin console.")]
        [InlineData("We assumed the replica was in sync; it was 4 GB behind.")]
        [InlineData("According to the load balancer logs, 12% of requests failed.")]
        [InlineData("The runbook should say which host is the primary.")]
        public void Hedging_passes_facts_that_use_the_same_words(string summary)
        {
            Assert.Null(InSummary(summary, nameof(Hedging)));
        }

        [Fact]
        public void Hedging_names_the_hedge_and_says_what_to_write_instead()
        {
            var finding = InSummary("We believe the cache stampede was the trigger.", nameof(Hedging));
            Assert.NotNull(finding);
            Assert.Contains("we believe", finding!.Message);
            Assert.Contains("We did not have alerting on X", finding.Suggestion);
            Assert.DoesNotContain("seed", finding.Message + finding.Suggestion);
        }
    }
}
