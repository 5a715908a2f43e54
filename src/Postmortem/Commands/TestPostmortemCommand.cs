using System;
using System.Management.Automation;
using Postmortems.Commands.Completion;
using Postmortems.Rules;

namespace Postmortems.Commands
{
    /// <summary>
    /// Checks a postmortem against the guide's rules, the way PSScriptAnalyzer checks a script: one record per
    /// finding, grouped by section, or with -Quiet a single $true/$false for a CI gate.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "Postmortem", DefaultParameterSetName = PostmortemSet)]
    [OutputType(typeof(DiagnosticRecord))]
    [OutputType(typeof(bool))]
    public sealed class TestPostmortemCommand : PostmortemInputCommand
    {
        private RuleSettings _settings = null!;
        private Func<string, bool>? _filter;

        /// <summary>Only these rules (wildcards allowed).</summary>
        [Parameter]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(RuleNameCompleter))]
        public string[]? Rule { get; set; }

        /// <summary>Not these rules (wildcards allowed).</summary>
        [Parameter]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(RuleNameCompleter))]
        public string[]? ExcludeRule { get; set; }

        /// <summary>A .psd1 file that changes the rules' word lists, severities or turns rules off.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Settings { get; set; }

        /// <summary>With -Quiet, warnings fail the check too.</summary>
        [Parameter]
        public SwitchParameter Strict { get; set; }

        /// <summary>Return only $true (no errors; with -Strict no warnings either) or $false.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void BeginProcessing()
        {
            _settings = RuleSelection.LoadSettings(this, Settings);
            _filter = RuleSelection.Filter(this, Rule, ExcludeRule);
        }

        protected override void ProcessRecord()
        {
            foreach (var postmortem in InputPostmortems())
            {
                var records = PostmortemLinter.Check(postmortem, _settings, _filter);
                if (Quiet)
                {
                    WriteObject(PostmortemLinter.Passes(records, Strict));
                    continue;
                }
                foreach (var record in records) WriteObject(record);
            }
        }
    }
}
