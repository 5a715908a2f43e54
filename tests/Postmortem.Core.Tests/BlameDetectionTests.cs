using System;
using System.Linq;
using Postmortems.Rules;
using Xunit;
using static Postmortems.Tests.RuleTestKit;

namespace Postmortems.Tests
{
    /// <summary>Blame found where it hides in real postmortems, and a system as the subject left alone.</summary>
    public class BlameDetectionTests
    {
        private static Postmortem WithWhy(string why) => Sample(p => { p.Whys.Clear(); p.Whys.Add(why); });

        [Theory]
        [InlineData("A tired admin deleted the wrong directory.")]                                   // an adjective before the noun
        [InlineData("Engineers decided to skip the staging deploy to save time.")]                  // a plural
        [InlineData("The outage happened because the engineer ran rm -rf on the wrong host.")]    // a because clause
        [InlineData("The config change was pushed by a junior engineer without review.")]         // a passive with the person as agent
        [InlineData("The network engineers replaced the optical equipment without warning the database team.")]
        [InlineData("An engineer on the firewall team deployed a change to the WAF rules.")]      // a phrase between subject and verb
        [InlineData("It was the operator's mistake: he chose the production profile.")]
        [InlineData("Human error during a routine debugging session took the service down.")]
        public void BlamelessLanguage_finds_a_person_as_the_one_who_acted(string rootCause)
        {
            Assert.Single(Check(WithRootCause(rootCause), nameof(BlamelessLanguage)));
        }

        [Theory]
        [InlineData("The backup job ran the wrong command.")]
        [InlineData("The controller deleted every pod in the namespace when its label selector matched nothing.")]
        [InlineData("The Postgres operator promoted a replica that was 4 GB behind.")]
        [InlineData("The operator had no way to tell the two hosts apart from the prompt.")]
        [InlineData("Router instances were deleted by our normal processes because they failed readiness checks.")]
        [InlineData("User error messages from the API did not say which field was invalid, so clients retried in a loop.")]
        [InlineData("A regular expression backtracked and exhausted CPU on every core that handles HTTP.")]
        [InlineData("We had no guard against running destructive commands on production.")]
        public void BlamelessLanguage_leaves_systems_and_conditions_alone(string rootCause)
        {
            Assert.Empty(Check(WithRootCause(rootCause), nameof(BlamelessLanguage)));
        }

        [Theory]
        [InlineData("Because the engineer typed rm -rf in the wrong terminal.")]
        [InlineData("The engineer typed rm -rf in the wrong terminal.")]
        [InlineData("Because AJ ran the cleanup script with the wrong environment variable.")]
        [InlineData("The database was taken down by an operator who misread the runbook.")]
        public void FiveWhysEndsInSystem_finds_a_person_in_the_last_why_with_or_without_because(string why)
        {
            Assert.Single(Check(WithWhy(why), nameof(FiveWhysEndsInSystem)));
        }

        [Theory]
        [InlineData("Because engineer onboarding did not cover the failover runbook.")]
        [InlineData("Because our DNS servers withdrew their BGP advertisements when they could no longer reach our data centers.")]
        [InlineData("Because the on-call engineer received no alert for the failed backups.")]
        public void FiveWhysEndsInSystem_passes_a_system_gap(string why)
        {
            Assert.Empty(Check(WithWhy(why), nameof(FiveWhysEndsInSystem)));
        }

        [Theory]
        [InlineData("After a second or two he notices he ran it on db1, not on db2.")]             // a pronoun mid-sentence, present tense
        [InlineData("YP adjusts max_wal_senders to 32 on db1 and restarts PostgreSQL.")]          // initials
        [InlineData("YP suspects the directory is not empty and decides to remove it.")]          // a verb joined to a harmless one
        [InlineData("At 14:03 she reverts the wrong commit and redeploys.")]
        [InlineData("An engineer opened the status page incident only at 16:46, 27 minutes after the first alert.")]
        public void BlamelessTimeline_finds_blame_in_events(string text)
        {
            var finding = Assert.Single(Check(WithEvent(text), nameof(BlamelessTimeline)));
            Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
            Assert.Equal("Timeline[3]", finding.Target);
        }

        [Theory]
        [InlineData("At 14:05 the on-call engineer acknowledged the page.")]
        [InlineData("The incident commander declared a SEV-1 at 14:09 and opened a bridge.")]
        [InlineData("Engineers on the database team were paged at 22:54 UTC.")]
        [InlineData("PagerDuty paged the on-call engineers for 502 errors across the network.")]
        [InlineData("The cleanup cron job deleted 3,412 objects from the production bucket.")]
        [InlineData("Hubot deployed the main branch to production at 14:02.")]
        [InlineData("We rolled back the release and error rates returned to normal.")]
        [InlineData("Engineers in our first responder team determined that the topologies for numerous database clusters were in an unexpected state.")]
        [InlineData("Engineers in the incident response team began developing a plan to resolve the data inconsistencies.")]
        [InlineData("Deleted 41 GB of logs from the full disk.")]                                 // a unit, not initials
        [InlineData("The importer wrote 900 MB of duplicates before it was stopped.")]
        public void BlamelessTimeline_leaves_the_response_and_the_systems_alone(string text)
        {
            Assert.Empty(Check(WithEvent(text), nameof(BlamelessTimeline)));
        }

        [Theory]
        [InlineData("22:29 paladox drops the testwiki database from db4.")]                         // a chat handle
        [InlineData("12:47 MacFan4000 starts removing the extension.")]
        [InlineData("Tomasz disabled the health checks to silence the alerts.")]                      // a name no list knows
        [InlineData("12:46 The extension is removed by MacFan4000, who says it no longer exists.")]   // a handle as a passive's agent
        public void BlamelessTimeline_takes_a_word_no_dictionary_knows_at_the_head_of_a_clause_for_a_name(string text)
        {
            Assert.Single(Check(WithEvent(text), nameof(BlamelessTimeline)));
        }

        [Theory]
        [InlineData("Replication to db2 stopped at 22:00.")]
        [InlineData("db1 restarted at 03:12 and rejoined the cluster.")]                             // a host, not a handle
        [InlineData("Nginx returned 502s for every request.")]                                        // software the lists name
        [InlineData("CheckoutHigh5xxRate firing: 38% of requests failed")]                            // an alert's name and state
        [InlineData("Gitea and Nextcloud pods found in CrashLoopBackOff")]                            // names modifying a plural noun
        [InlineData("Because the runbook told the operator to wipe the data directory.")]
        [InlineData("Autoscaling shrank the web tier when utilisation dropped.")]
        [InlineData("The certificate code set the expiry a year later, which gave the invalid date February 29.")]
        public void BlamelessTimeline_does_not_take_words_systems_and_hosts_for_names(string text)
        {
            Assert.Empty(Check(WithEvent(text), nameof(BlamelessTimeline)));
        }

        [Theory]
        [InlineData("Last year I personally caused a large outage at my company.")]                          // an adverb in -ly between subject and verb
        [InlineData("An error by Rogers staff during the upgrade sent a flood of data to the core routers.")]  // a person's error named as such
        [InlineData("The on-call admin missed the alert notification, and the key material expired.")]       // two person nouns in a row
        [InlineData("Yesterday at 10.40am Jamey, my fellow web developer, accidentally deleted the database.")] // an apposition between commas
        [InlineData("Because the sysadmin was too busy to care about the expiry warnings.")]
        public void Blame_is_found_in_the_shapes_of_a_second_blind_batch(string text)
        {
            Assert.Single(Check(WithRootCause(text), nameof(BlamelessLanguage)));
        }

        [Theory]
        [InlineData("Copying the snapshot ran at about 60 Mbps on Azure disks, and the restore took 18 hours.")]   // a unit after a number
        [InlineData("The uplink carried 40 Gbps until the optics failed.")]
        [InlineData("The sync to staging removes webhooks, so webhooks created after the last backup were lost.")]  // a word of the trade WordNet lacks
        [InlineData("Runbooks written for the old cluster named hosts that no longer exist.")]
        [InlineData("Git repositories and wikis lost no data.")]    // GitLab 2017-01-31's customer text: 'wikis' is no handle
        [InlineData("Plugins and pods restarted without their config.")]
        public void BlamelessLanguage_takes_no_unit_after_a_number_nor_a_word_of_the_trade_for_a_name(string text)
        {
            Assert.Empty(Check(WithRootCause(text), nameof(BlamelessLanguage)));
        }

        [Theory]
        [InlineData("12:47 MacFan4000 starts removing the extension.")]
        [InlineData("At 22:29 paladox drops the testwiki database from db4.")]
        public void A_name_after_a_time_of_day_is_still_a_name(string text)
        {
            Assert.Single(Check(WithEvent(text), nameof(BlamelessTimeline)));
        }

        [Theory]
        [InlineData("Firefox CTO Eric Rescorla first caught the problem at 6 p.m. PT on May 3.")]           // a time zone is no initials
        [InlineData("19:01 UptimeRobot sends the first alert: the streaming monitor is down.")]            // a bot
        [InlineData("Our on-call engineer became aware of the issue when an SLO burn alert paged him.")]
        [InlineData("18:58 dma updates status.hachyderm.io to acknowledge the outage.")]
        public void The_response_bots_and_time_zones_are_no_blame(string text)
        {
            Assert.Empty(Check(WithEvent(text), nameof(BlamelessTimeline)));
        }

        [Fact]
        public void A_name_the_postmortem_knows_is_a_person_and_its_initials_too()
        {
            var p = Sample(p => { p.Authors.Clear(); p.Authors.Add("Priya Natarajan"); p.RootCause = "Priya deleted the production bucket while cleaning up test data."; });
            Assert.Single(Check(p, nameof(BlamelessLanguage)));
            p.RootCause = "PN deleted the production bucket.";
            Assert.Single(Check(p, nameof(BlamelessLanguage)));
            p.RootCause = "The DNS record was deleted before the new one had propagated.";
            Assert.Empty(Check(p, nameof(BlamelessLanguage)));
        }

        [Fact]
        public void The_message_names_who_acted_and_keeps_the_guides_reframing()
        {
            var finding = Assert.Single(Check(WithRootCause("A tired admin deleted the wrong directory."), nameof(BlamelessLanguage)));
            Assert.Contains("'A tired admin'", finding.Message);
            Assert.Contains("We had no guard against running destructive commands on production", finding.Suggestion);
        }
    }
}
