using System;
using System.Linq;
using System.Management.Automation;
using Postmortems.Commands.Completion;

namespace Postmortems.Commands
{
    /// <summary>Adds the next step of the 5-whys chain behind the root cause, or of a named chain with -Chain.</summary>
    [Cmdlet(VerbsCommon.Add, "Why")]
    [OutputType(typeof(Postmortem))]
    public sealed class AddWhyCommand : AddToPostmortemCommand
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string[] Text { get; set; } = null!;

        /// <summary>The problem a further chain asks about ('Backups failed'): the whys go to that chain, which is created if new.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(WhyChainCompleter))]
        public string? Chain { get; set; }

        protected override void AddTo(Postmortem postmortem)
        {
            if (Chain is null)
            {
                AddTexts(postmortem.Whys, Text);
                return;
            }
            // Blank texts are skipped, as for the root cause's own chain.
            var whys = Text.Select(Postmortems.Text.Normalize).Where(t => t is not null).Select(t => t!).ToList();
            try
            {
                postmortem.WhyChains.AddRange(Chain, whys);
            }
            catch (ArgumentException ex)
            {
                WriteError(new ErrorRecord(new ArgumentException(Postmortems.Text.Problem(ex)), ErrorIds.InvalidPostmortemValue, ErrorCategory.InvalidArgument, Chain));
            }
        }
    }
}
