using System.IO;
using System.Linq;
using Postmortems.Rules;
using Xunit;
using static Postmortems.Tests.RuleTestKit;

namespace Postmortems.Tests
{
    /// <summary>
    /// ActionItemImperative reads a verb lexicon derived from WordNet 3.0, so real action items that start with any
    /// English verb pass, verbs that are also nouns included, and a noun phrase is told apart from the passive voice.
    /// </summary>
    public class ActionItemImperativeTests
    {
        private static DiagnosticRecord? Imperative(string action) =>
            Check(WithAction(action), nameof(ActionItemImperative)).SingleOrDefault();

        // GitHub's action items after its 2018-10-21 degradation, in our words, keeping the verb each one starts with.
        [Theory]
        [InlineData("Adjust the Orchestrator configuration so database primaries are not promoted across regions")]
        [InlineData("Accelerate the move to a new status reporting mechanism")]
        [InlineData("Support serving traffic from several data centers at once")]
        [InlineData("Take a more proactive stance in testing our assumptions")]
        [InlineData("Begin a systemic review of how a data center failure is handled")]
        [InlineData("Provide more accurate status information during an incident")]
        [InlineData("Recover production replica(s)")]
        public void Real_action_items_that_start_with_a_verb_pass(string action)
        {
            Assert.Null(Imperative(action));
        }

        [Theory]
        [InlineData("Support N+1 redundancy for the MySQL clusters")]
        [InlineData("Set max_connections to 200 on every replica")]
        [InlineData("Alert the on-call when replication lag exceeds 30 seconds")]
        [InlineData("Page the database team on a failed promotion")]
        [InlineData("Document how the failover is triggered")]
        [InlineData("Set up an alert that will be triggered when the seal status changes")]
        [InlineData("Onboard the payments team to the paging tool")]
        public void Verbs_that_are_also_nouns_count_at_the_head(string action)
        {
            Assert.Null(Imperative(action));
        }

        [Theory]
        [InlineData("[P1] Adjust the Orchestrator configuration")]
        [InlineData("OPS-1234: Add a confirmation prompt to the deploy script")]
        [InlineData("1. Rotate the Transit engine's key")]
        [InlineData("- Remove the spam user endpoint's hard delete")]
        public void Leading_markers_are_skipped(string action)
        {
            Assert.Null(Imperative(action));
        }

        [Fact]
        public void A_noun_phrase_is_reported_as_a_noun_phrase_not_as_the_passive_voice()
        {
            var finding = Imperative("Removal of users by spam should not hard delete");
            Assert.NotNull(finding);
            Assert.Contains("noun phrase", finding!.Message);
            Assert.DoesNotContain("passive", finding.Message);
            Assert.Contains("Start with the verb: \"Remove ...\"", finding.Suggestion);
        }

        [Theory]
        [InlineData("Improvement of the failover runbook", "Improve")]
        [InlineData("Documentation of the unseal procedure", "Document")]
        [InlineData("Review of the alert thresholds", "Review")]
        [InlineData("[P2] Removal of stale replicas", "Remove")]
        public void A_noun_that_names_an_action_suggests_its_verb(string action, string verb)
        {
            var finding = Imperative(action);
            Assert.NotNull(finding);
            Assert.Contains("noun phrase", finding!.Message);
            Assert.Contains($"Start with the verb: \"{verb} ...\"", finding.Suggestion);
        }

        [Theory]
        [InlineData("Better alerting for replication lag")]
        [InlineData("Automated testing of database failover")]
        public void An_adjective_before_a_gerund_is_a_noun_phrase(string action)
        {
            var finding = Imperative(action);
            Assert.NotNull(finding);
            Assert.Contains("noun phrase", finding!.Message);
        }

        [Theory]
        [InlineData("Alerting on seal status should be added", "should be added", "Add")]
        [InlineData("Monitoring of the replicas must be improved", "must be improved", "Improve")]
        [InlineData("Alert rules will be written for the seal status", "will be written", "Write")]
        [InlineData("The restore procedure needs to be tested monthly", "needs to be tested", "Test")]
        [InlineData("Monitoring and alerting should be improved", "should be improved", "Improve")]
        [InlineData("Backup retention should be extended to 30 days", "should be extended", "Extend")]
        public void A_real_passive_is_reported_as_the_passive_voice_with_the_active_verb(string action, string passive, string verb)
        {
            var finding = Imperative(action);
            Assert.NotNull(finding);
            Assert.Contains($"passive voice ('{passive}')", finding!.Message);
            Assert.Contains($"\"{verb} ...\"", finding.Suggestion);
        }

        [Theory]
        [InlineData("Runbook for unsealing", "runbook")]
        [InlineData("We should add an alert on seal status", "we")]
        public void A_head_that_is_no_verb_is_reported(string action, string head)
        {
            var finding = Imperative(action);
            Assert.NotNull(finding);
            Assert.Contains($"does not start with a verb that says what to do ('{head}')", finding!.Message);
        }

        [Fact]
        public void A_verb_form_at_the_head_suggests_the_verb_itself()
        {
            var finding = Imperative("Adding an alert on seal status");
            Assert.NotNull(finding);
            Assert.Contains("Start with the verb: \"Add ...\"", finding!.Suggestion);
        }

        [Theory]
        [InlineData("Be more careful when deploying")]
        [InlineData("Add more monitoring")]
        [InlineData("Improve communication")]
        [InlineData("Add --dry-run verification step to deploy runbook")]
        [InlineData("Add Grafana alert for OpenBao seal status with 5-minute threshold")]
        [InlineData("Add #incidents Slack channel to runbook as required notification step")]
        public void The_guides_examples_are_not_this_rules_to_report(string action)
        {
            // The Bad column is VagueActionItem's to report, once; the Good column starts with a verb.
            Assert.Null(Imperative(action));
        }

        [Fact]
        public void A_team_can_stop_a_verb_from_counting_and_add_its_own()
        {
            var folder = Path.Combine(Path.GetTempPath(), "pm-verbs-" + System.Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                var path = Path.Combine(folder, "team.psd1");
                File.WriteAllText(path, "@{ RemoveWords = @{ ImperativeVerbs = @('review') }; AddWords = @{ ImperativeVerbs = @('helmify') } }");
                var settings = RuleSettings.FromFile(path);
                var review = PostmortemLinter.Check(WithAction("Review the alert thresholds"), settings, n => n == nameof(ActionItemImperative));
                Assert.Contains("('review')", Assert.Single(review).Message);
                Assert.Empty(PostmortemLinter.Check(WithAction("Helmify the payments service's manifests"), settings, n => n == nameof(ActionItemImperative)));
                Assert.Null(Imperative("Review the alert thresholds"));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public void The_lexicon_is_WordNets_verbs_with_their_other_parts_of_speech()
        {
            var lexicon = VerbLexicon.English;
            Assert.True(lexicon.Count > 8000, $"{lexicon.Count} verbs");
            foreach (var verb in new[] { "adjust", "accelerate", "support", "take", "begin", "provide", "recover", "set", "alert" })
            {
                Assert.True(lexicon.IsVerb(verb), verb);
            }
            Assert.True(lexicon.IsAlsoNoun("support"));
            Assert.False(lexicon.IsAlsoNoun("adjust"));
            Assert.True(lexicon.IsAlsoAdjective("better"));
            Assert.True(lexicon.TakesOf("dispose"));
            Assert.False(lexicon.IsVerb("removal"));
            Assert.Equal("remove", lexicon.VerbOfNoun("removal"));
            Assert.Equal("write", lexicon.BaseOf("written"));
            Assert.Equal("stop", lexicon.BaseOf("stopped"));
            Assert.Equal("apply", lexicon.BaseOf("applied"));
            Assert.Equal("improve", lexicon.BaseOf("improving"));
            Assert.True(lexicon.IsPastParticiple("added"));
            Assert.False(lexicon.IsPastParticiple("careful"));
            Assert.True(lexicon.IsGerund("alerting"));
            Assert.False(lexicon.IsGerund("string"));
        }
    }
}
