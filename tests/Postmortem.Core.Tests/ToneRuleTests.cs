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
        [InlineData("There is some suspicion that the new kernel changed the TCP defaults.")]
        [InlineData("Our working theory is that the lease expired during the failover.")]
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
        [InlineData("This kind of failure had not been seen on the new fleet.")]
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

        // VagueQuantity

        [Theory]
        [InlineData("Several nodes ran out of memory.")]
        [InlineData("Numerous tenants saw failed writes.")]
        [InlineData("Multiple regions returned errors.")]
        [InlineData("Thousands of jobs were queued.")]
        [InlineData("Tens of thousands of pods were evicted.")]
        [InlineData("Most of the afternoon went into the rollback.")]
        [InlineData("Most tenants saw stale reads.")]
        [InlineData("A couple of shards lost their leader.")]
        [InlineData("Few customers noticed the slower pages.")]
        [InlineData("Several hundred merchants were charged twice.")]
        public void VagueQuantity_flags_an_indefinite_quantifier_where_a_number_belongs(string summary)
        {
            Assert.NotNull(InSummary(summary, nameof(VagueQuantity)));
        }

        [Theory]
        [InlineData("A large number of pods were evicted.")]
        [InlineData("A significant portion of checkout traffic failed.")]
        [InlineData("The smaller set of hosts was drained first.")]
        [InlineData("Recovery took an extended period.")]
        [InlineData("Restoring the index took considerable time.")]
        [InlineData("The deploy pipeline was blocked for hours.")]
        [InlineData("Alerts fired within minutes of the push.")]
        [InlineData("Consumers fell days behind the producers.")]
        [InlineData("Gigabytes of logs filled the disk.")]
        [InlineData("The search index was mostly rebuilt by the morning.")]
        [InlineData("The API briefly returned errors.")]
        [InlineData("The incident became a multi-hour outage.")]
        [InlineData("The queue held multi-million messages at peak.")]
        public void VagueQuantity_flags_vague_sizes_durations_and_degrees(string summary)
        {
            Assert.NotNull(InSummary(summary, nameof(VagueQuantity)));
        }

        [Theory]
        [InlineData("Approximately 40 minutes passed before the first page.")]
        [InlineData("About 5,000 accounts were locked.")]
        [InlineData("Two thirds of uploads failed.")]
        [InlineData("85% of requests failed.")]
        [InlineData("Every tenant in the EU region lost writes.")]
        [InlineData("Some 9,000 messages were redelivered.")]
        [InlineData("As many as 40 pods restarted.")]
        [InlineData("The outage lasted 3 hours 12 minutes.")]
        [InlineData("Failures continued for a further 51 minutes.")]
        [InlineData("At most 12 pods were down at once.")]
        [InlineData("The most affected region was eu-west-1.")]
        [InlineData("Deploys are blocked outside business hours.")]
        [InlineData("For some reason the pod restarted at 14:02.")]
        [InlineData("The root cause is most likely a stale DNS record.")]
        [InlineData("The on-call engineer was paged at 14:03 and acknowledged 2 minutes later.")]
        [InlineData("The number of open connections rose from 200 to 4,000.")]
        [InlineData("The API was partially degraded for 9 minutes and down for 12 minutes.")]
        [InlineData("The retry limit had been removed from the client years ago.")]
        [InlineData("The deploy went out across multi-region clusters at 14:02.")]
        [InlineData("There was some suspicion that the cache caused it.")]
        [InlineData("Checkout failed for 47 minutes, largely because the retry budget was exhausted.")]
        [InlineData("PostgreSQL refused to start: too many semaphores were open.")]   // a limit exceeded, not an amount
        [InlineData("The client sent too much data in one request and the proxy cut it off at 1 MB.")]
        public void VagueQuantity_passes_numbers_fractions_and_whole_sets(string summary)
        {
            Assert.Null(InSummary(summary, nameof(VagueQuantity)));
        }

        [Fact]
        public void VagueQuantity_names_the_quantity_and_asks_for_the_figure_in_the_guides_words()
        {
            var finding = Assert.Single(Check(Sample(p => p.Impact.UsersAffected = "Several hundred merchants"), nameof(VagueQuantity)));
            Assert.Equal("Impact.UsersAffected", finding.Target);
            Assert.Contains("several hundred", finding.Message);
            Assert.Contains("The service was unavailable for 47 minutes", finding.Suggestion);
        }

        [Fact]
        public void A_team_can_change_the_shapes_word_lists()
        {
            var settings = RuleSettings.Default();
            settings.Apply("@{ AddWords = @{ VagueQuantifiers = @('a smattering of') }; RemoveWords = @{ EpistemicAdverbs = @('reportedly') } }", "team.psd1");
            var vague = Sample(p => p.ExecutiveSummary = "A smattering of requests failed.");
            Assert.Contains(PostmortemLinter.Check(vague, settings, n => n == nameof(VagueQuantity)), f => f.Target == "ExecutiveSummary");
            var hearsay = Sample(p => p.ExecutiveSummary = "The vendor reportedly rotated its keys.");
            Assert.DoesNotContain(PostmortemLinter.Check(hearsay, settings, n => n == nameof(Hedging)), f => f.Target == "ExecutiveSummary");
        }
    
        // SpecificTimes

        [Theory]
        [InlineData("The removal was stopped, but of around 300 GB only about 4.5 GB was left.")]
        [InlineData("The restore had copied roughly 5,000 projects by 14:10.")]
        [InlineData("Error rates fell to approximately 2% at 14:12.")]
        public void SpecificTimes_passes_an_approximate_quantity(string text)
        {
            Assert.Empty(Check(WithEvent(text), nameof(SpecificTimes)));
        }

        [Theory]
        [InlineData("The pager fired around 23:00.")]
        [InlineData("Replication stopped around 11 pm.")]
        [InlineData("The queue drained roughly 40 minutes after the restart.")]
        [InlineData("The backup was restored around noon, after roughly 5,000 projects had been copied.")]
        public void SpecificTimes_still_flags_an_approximate_time(string text)
        {
            Assert.Single(Check(WithEvent(text), nameof(SpecificTimes)));
        }
}
}
