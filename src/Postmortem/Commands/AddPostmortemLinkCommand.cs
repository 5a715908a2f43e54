using System;
using System.Linq;
using System.Management.Automation;
using Postmortems.Commands.Completion;

namespace Postmortems.Commands
{
    /// <summary>Adds a link to the postmortem's Links section: a dashboard, a runbook, the incident ticket, a related postmortem.</summary>
    [Cmdlet(VerbsCommon.Add, "PostmortemLink")]
    [OutputType(typeof(Postmortem))]
    public sealed class AddPostmortemLinkCommand : AddToPostmortemCommand
    {
        /// <summary>What the link opens, such as 'Checkout latency dashboard'.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Title { get; set; } = null!;

        /// <summary>The http or https address.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNull]
        public Uri Uri { get; set; } = null!;

        /// <summary>Dashboard, Runbook, Ticket, Related (another postmortem) or Other (the default).</summary>
        [Parameter]
        public LinkKind Kind { get; set; } = LinkKind.Other;

        protected override void AddTo(Postmortem postmortem)
        {
            PostmortemLink link;
            try
            {
                link = new PostmortemLink(Title, Uri.IsAbsoluteUri ? Uri.OriginalString : Uri.ToString(), Kind);
            }
            catch (ArgumentException ex)
            {
                WriteError(new ErrorRecord(new ArgumentException(Text.Problem(ex)),
                    ErrorIds.InvalidPostmortemValue, ErrorCategory.InvalidArgument, Uri));
                return;
            }
            // The same link twice is one link: running a script again adds nothing.
            if (postmortem.Links.Contains(link)) WriteVerbose($"Already linked: {link}");
            else postmortem.Links.Add(link);
        }
    }
}
