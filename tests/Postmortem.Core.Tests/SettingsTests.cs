using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Postmortems.Rules;
using Postmortems.Settings;
using Xunit;
using static Postmortems.Tests.RuleTestKit;

namespace Postmortems.Tests
{
    public class PowerShellDataReaderTests
    {
        [Fact]
        public void Reads_hashtables_arrays_strings_numbers_and_booleans()
        {
            var data = (IDictionary)PowerShellDataReader.Parse(@"
# a comment
@{
    Name = 'it''s'; Other = ""say `""hi`"""" # trailing comment
    List = @('a', ""b""
             'c')
    Bare = 'x', 'y'
    Nested = @{ Enable = $false; Count = 42; Nothing = $null }
    <# block
       comment #>
    'quoted key' = $TRUE
}", "t.psd1")!;
            Assert.Equal("it's", data["name"]);
            Assert.Equal("say \"hi\"", data["Other"]);
            Assert.Equal(new object[] { "a", "b", "c" }, ((IEnumerable)data["List"]!).Cast<object>());
            Assert.Equal(new object[] { "x", "y" }, ((IEnumerable)data["Bare"]!).Cast<object>());
            var nested = (IDictionary)data["Nested"]!;
            Assert.Equal(false, nested["Enable"]);
            Assert.Equal(42L, nested["Count"]);
            Assert.Null(nested["Nothing"]);
            Assert.Equal(true, data["quoted key"]);
        }

        [Theory]
        [InlineData("@{ A = 'x'", "line 1", "never closed")]
        [InlineData("@{\n  A = $env:HOME\n}", "line 2", "variable")]
        [InlineData("@{\n  A = \"$(Get-Process)\"\n}", "line 2", "data only")]
        [InlineData("@{ A = Get-Process }", "line 1", "cannot start a value")]
        [InlineData("@{ A = 'x'; A = 'y' }", "line 1", "appears twice")]
        [InlineData("@{ A 'x' }", "line 1", "expected '='")]
        public void Refuses_anything_but_data_naming_the_file_and_the_line(string text, string line, string problem)
        {
            var error = Assert.Throws<SettingsFormatException>(() => PowerShellDataReader.Parse(text, "team.psd1"));
            Assert.StartsWith("team.psd1, " + line, error.Message);
            Assert.Contains(problem, error.Message);
        }
    }

    public sealed class RuleSettingsTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "postmortem-settings-" + Guid.NewGuid().ToString("N"));

        public RuleSettingsTests() => Directory.CreateDirectory(_folder);

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private RuleSettings Load(string text)
        {
            var path = Path.Combine(_folder, "team.psd1");
            File.WriteAllText(path, text);
            return RuleSettings.FromFile(path);
        }

        [Fact]
        public void The_default_word_lists_ship_every_list_the_rules_use()
        {
            foreach (var list in new[] { "BlamePhrases", "PersonNouns", "PersonVerbs", "Adverbs", "SystemFramings", "VagueActionPhrases", "VagueActionStarts",
                         "ImperativeVerbs", "IndividualActionStarts", "IndividualActionPhrases", "VagueQuantities", "Hedges", "ApproximateTimes",
                         "VagueQuantifiers", "VagueSizes", "QuantityNouns", "QuantityUnits", "NumberWords", "EarlierMarkers", "NotQuantities",
                         "EpistemicAdverbs", "BeliefVerbs", "BeliefNouns", "UncertainStates", "HopedOutcomes", "NotHedges",
                         "SecurityBreachPhrases", "CompleteOutagePhrases", "AllUsersPhrases", "NoUserImpactPhrases" })
            {
                Assert.True(Defaults.WordLists.ContainsKey(list), list);
                Assert.NotEmpty(Defaults.WordLists[list]);
            }
        }

        [Fact]
        public void ExcludeRules_and_Enable_false_turn_rules_off()
        {
            var settings = Load("@{ ExcludeRules = @('Hedging'); Rules = @{ VagueQuantity = @{ Enable = $false } } }");
            var p = WithRootCause("Unfortunately there was some downtime.");
            p.ExecutiveSummary = "There was some downtime. It hurt.";
            var findings = PostmortemLinter.Check(p, settings);
            Assert.DoesNotContain(findings, f => f.RuleName is "Hedging" or "VagueQuantity");
            Assert.Contains(PostmortemLinter.Describe(settings), r => r.Name == "Hedging" && !r.Enabled);
        }

        [Fact]
        public void A_rules_severity_can_be_changed()
        {
            var settings = Load("@{ Rules = @{ VagueActionItem = @{ Severity = 'Error' } } }");
            var finding = Assert.Single(PostmortemLinter.Check(WithAction("Add more monitoring"), settings));
            Assert.Equal(DiagnosticSeverity.Error, finding.Severity);
        }

        [Fact]
        public void Words_can_be_added_to_and_removed_from_a_list()
        {
            var settings = Load("@{ AddWords = @{ BlamePhrases = @('fat-thumbed') }; RemoveWords = @{ Hedges = @('unfortunately') } }");
            Assert.Single(PostmortemLinter.Check(WithRootCause("The config was fat-thumbed. We had no review."), settings), f => f.RuleName == "BlamelessLanguage");
            Assert.DoesNotContain(PostmortemLinter.Check(WithRootCause("Unfortunately we had no alert on seal status."), settings), f => f.RuleName == "Hedging");
        }

        [Theory]
        [InlineData("@{\n  ExcludeRules = @(\n    'Hedging'\n    'NoSuchRule'\n  )\n}", 4, "'NoSuchRule' is not a rule")]
        [InlineData("@{\n  AddWords = @{\n    NoSuchList = @('x')\n  }\n}", 3, "'NoSuchList' is not a word list")]
        [InlineData("@{\n  Rules = @{\n    Hedging = @{\n      Severity = 'Fatal'\n    }\n  }\n}", 4, "is not Error, Warning or Information")]
        [InlineData("@{\n  Rules = @{\n    Hedgng = @{ Enable = $false }\n  }\n}", 3, "'Hedgng' is not a rule")]
        [InlineData("@{ Rules = @{ Hedging = @{ Enable = 'no' } } }", 1, "Enable is $true or $false")]
        [InlineData("@{\n\n  Colour = 'blue' }", 3, "'Colour' is not a setting")]
        [InlineData("'just text'", 1, "holds one hashtable")]
        public void Bad_settings_are_refused_with_a_message_naming_the_file_and_the_line(string text, int line, string problem)
        {
            var error = Assert.Throws<SettingsFormatException>(() => Load(text));
            Assert.StartsWith($"team.psd1, line {line}: ", error.Message);
            Assert.Equal(line, error.Line);
            Assert.Contains(problem, error.Message);
        }

        [Fact]
        public void Settings_do_not_leak_into_the_defaults()
        {
            Load("@{ RemoveWords = @{ BlamePhrases = @('human error') } }");
            Assert.Contains("human error", RuleSettings.Default().WordLists["BlamePhrases"]);
        }
    }
}

namespace Postmortems.Tests
{
    public class TrackerSettingsTests
    {
        [Fact]
        public void The_settings_file_names_the_teams_tracker()
        {
            var settings = Rules.RuleSettings.Default();
            settings.Apply("@{ Tracker = @{ Name = 'jira'; Project = 'OPS'; Uri = 'https://example.atlassian.net'; IssueType = 'Bug' } }", "team.psd1");
            Xunit.Assert.Equal(Trackers.TrackerKind.Jira, settings.Tracker.Kind);
            Xunit.Assert.Equal("OPS", settings.Tracker.Project);
            Xunit.Assert.Equal(new System.Uri("https://example.atlassian.net"), settings.Tracker.Uri);
            Xunit.Assert.Equal("Bug", settings.Tracker.IssueType);
            Xunit.Assert.Null(Rules.RuleSettings.Default().Tracker.Kind);
        }

        [Theory]
        [InlineData("@{ Tracker = 'Jira' }", "line 1", "Tracker holds a hashtable")]
        [InlineData("@{\n Tracker = @{\n  Name = 'Trello'\n }\n}", "line 3", "give GitHub, GitLab or Jira")]
        [InlineData("@{ Tracker = @{ Uri = 'ftp://x' } }", "line 1", "not an http or https address")]
        [InlineData("@{ Tracker = @{ Board = 'x' } }", "line 1", "Use Name, Project, Uri and IssueType")]
        [InlineData("@{ Tracker = @{ Project = 42 } }", "line 1", "give text")]
        public void A_bad_tracker_setting_is_refused_with_its_line_and_how_to_write_it(string text, string line, string says)
        {
            var e = Xunit.Assert.Throws<Settings.SettingsFormatException>(() => Rules.RuleSettings.Default().Apply(text, "team.psd1"));
            Xunit.Assert.Contains(line, e.Message);
            Xunit.Assert.Contains(says, e.Message);
        }
    }
}
