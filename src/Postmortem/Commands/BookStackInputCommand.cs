using System;
using System.Management.Automation;
using System.Threading;
using Postmortems.BookStack;

namespace Postmortems.Commands
{
    /// <summary>
    /// A cmdlet that reads postmortems (<see cref="PostmortemInputCommand"/>) and talks to BookStack: the connection
    /// parameters every such command takes, the client they resolve to, and Ctrl+C that stops a request.
    /// </summary>
    public abstract class BookStackInputCommand : PostmortemInputCommand
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();

        /// <summary>BookStack's base address; with -Credential, instead of Connect-BookStack or the environment.</summary>
        [Parameter]
        [BookStackUri]
        public Uri? Uri { get; set; }

        /// <summary>User name = API token id, password = token secret.</summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        [Parameter]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        /// <summary>How long to wait for each answer from BookStack, in seconds (30 unless Connect-BookStack -TimeoutSec said otherwise).</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; }

        /// <summary>The client, once <see cref="ConnectBookStack"/> has run (in BeginProcessing).</summary>
        protected BookStackClient Client { get; private set; } = null!;

        /// <summary>Resolves the connection (the parameters, else Connect-BookStack, else the environment) or stops the command with an error that says what to set.</summary>
        protected void ConnectBookStack() =>
            Client = BookStackSession.Connect(this, Uri, Credential, AllowUnencryptedAuthentication, _stop.Token,
                MyInvocation.BoundParameters.ContainsKey(nameof(TimeoutSec)) ? TimeoutSec : (int?)null);

        protected override void StopProcessing() => _stop.Cancel();
    }
}
