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

        /// <summary>
        /// External: only the external version's rules (External*), as a gate before it goes to customers. Internal: every
        /// rule but those. Without it, every rule.
        /// </summary>
        [Parameter]
        public Audience Audience { get; set; }

        protected override void BeginProcessing()
        {
            _settings = RuleSelection.LoadSettings(this, Settings);
            _filter = RuleSelection.Filter(this, Rule, ExcludeRule);
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Audience)))
            {
                var byName = _filter;
                bool external = Audience == Audience.External;
                _filter = name => PostmortemRules.IsExternal(name) == external && (byName is null || byName(name));
            }
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
