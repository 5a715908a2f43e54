using System.Linq;
using System.Management.Automation;
using Postmortems.Commands.Completion;
using Postmortems.Rules;

namespace Postmortems.Commands
{
    /// <summary>Lists the rules Test-Postmortem runs: name, severity, section and the guide's sentence behind each.</summary>
    [Cmdlet(VerbsCommon.Get, "PostmortemRule")]
    [OutputType(typeof(RuleInfo))]
    public sealed class GetPostmortemRuleCommand : PSCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(RuleNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Show the rules as this settings file leaves them (severity, enabled).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Settings { get; set; }

        protected override void EndProcessing()
        {
            var settings = RuleSelection.LoadSettings(this, Settings);
            var filter = RuleSelection.Filter(this, Name, null);
            foreach (var rule in PostmortemLinter.Describe(settings).Where(r => filter is null || filter(r.Name)))
            {
                WriteObject(rule);
            }
        }
    }
}
