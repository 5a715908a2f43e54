using System;
using System.Linq;
using Postmortems.Rules;
using Xunit;
using static Postmortems.Tests.RuleTestKit;

namespace Postmortems.Tests
{
    /// <summary>Nobody may rewrite a quote: the tone rules leave quoted text and verbatim events alone; blame still reads them.</summary>
    public class QuoteToneTests
    {
        private static Postmortem WithSourcedEvent(string text, string source) => Sample(p =>
            p.Timeline.Add(new TimelineEvent(new DateTime(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc), text, Milestone.None, source)));

        [Theory]
        [InlineData("slack")]
        [InlineData("alertmanager")]
        [InlineData("journald")]
        [InlineData("Slack")]
        public void An_event_quoted_from_chat_alerts_or_logs_is_not_asked_to_change_tense_or_wording(string source)
        {
            var p = WithSourcedEvent("maria: checkout is failing again, some users can't pay, probably the gateway, will restart it in a while", source);
            Assert.Empty(Check(p, nameof(TimelineTense)));
            Assert.Empty(Check(p, nameof(VagueQuantity)));
            Assert.Empty(Check(p, nameof(SpecificTimes)));
            Assert.Empty(Check(p, nameof(Hedging)));
        }

        [Fact]
        public void The_same_words_typed_by_hand_are_held_to_the_tone_rules()
        {
            var p = WithSourcedEvent("Checkout is failing again for some users; unfortunately we restarted the gateway around noon", "manual");
            Assert.Single(Check(p, nameof(TimelineTense)));
            Assert.Single(Check(p, nameof(VagueQuantity)));
            Assert.Single(Check(p, nameof(SpecificTimes)));
            Assert.Single(Check(p, nameof(Hedging)));
        }

        [Theory]
        [InlineData("The on-call posted \"checkout is failing for some users\" in #incidents")]
        [InlineData("The on-call posted \u201Ccheckout is failing for some users\u201D in #incidents")]
        [InlineData("The on-call posted 'checkout is failing for some users' in #incidents")]
        [InlineData("The job log said `is failing for some users` at 09:30")]
        public void Quoted_text_inside_an_event_is_exempt_and_the_rest_is_not(string text)
        {
            var p = WithSourcedEvent(text, "manual");
            Assert.Empty(Check(p, nameof(TimelineTense)));
            Assert.Empty(Check(p, nameof(VagueQuantity)));

            var outside = WithSourcedEvent(text + "; some users are failing", "manual");
            Assert.Single(Check(outside, nameof(TimelineTense)));
            Assert.Single(Check(outside, nameof(VagueQuantity)));
        }

        [Fact]
        public void Quotes_in_prose_sections_are_exempt_from_hedging_and_vague_quantities()
        {
            var quoted = Sample(p => p.ExecutiveSummary = "Support answered \"unfortunately there was some downtime\" to 1,204 tickets over 47 minutes.");
            Assert.Empty(Check(quoted, nameof(Hedging)));
            Assert.Empty(Check(quoted, nameof(VagueQuantity)));
        }

        [Theory]
        [InlineData("Users couldn't pay for some time.")]
        [InlineData("The users' carts emptied for some time.")]
        [InlineData("An unclosed \"quote leaves the rest judged for some time.")]
        public void Apostrophes_and_an_unclosed_quote_do_not_hide_text(string summary)
        {
            Assert.Single(Check(Sample(p => p.ExecutiveSummary = summary), nameof(VagueQuantity)));
        }

        [Fact]
        public void Blame_is_still_found_in_a_quote_and_in_a_verbatim_event()
        {
            var root = Sample(p => p.RootCause = "The ticket says \"human error by the operator\".");
            Assert.Single(Check(root, nameof(BlamelessLanguage)));
        }

        [Fact]
        public void A_team_can_add_its_own_verbatim_sources()
        {
            var settings = RuleSettings.Default();
            settings.Apply("@{ AddWords = @{ QuotedSources = @('rocketchat') } }", "team.psd1");
            var p = WithSourcedEvent("checkout is failing", "rocketchat");
            Assert.Empty(PostmortemLinter.Check(p, settings, name => name == nameof(TimelineTense)));
            Assert.Single(Check(p, nameof(TimelineTense)));
        }

        [Theory]
        [InlineData("plain text", "plain text")]
        [InlineData("say \"hi there\" now", "say            now")]
        [InlineData("didn't and users' and 'quoted words' end", "didn't and users' and                end")]
        [InlineData("open \"never closed", "open \"never closed")]
        [InlineData("the alert 'High error rate' fired", "the alert                   fired")]
        public void WithoutQuoted_blanks_quotes_and_keeps_apostrophes(string text, string expected)
        {
            var blanked = Quotes.WithoutQuoted(text);
            Assert.Equal(expected, blanked);
            Assert.Equal(text.Length, blanked.Length);
        }
    }
}
