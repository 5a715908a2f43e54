using System;
using System.Management.Automation;
using Postmortems.BookStack;

namespace Postmortems.Commands
{
    /// <summary>
    /// Sets the BookStack server and API token for this session: Publish-Postmortem uses them when not given
    /// -Uri and -Credential. The token is checked with one read.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "BookStack")]
    [OutputType(typeof(BookStackConnection))]
    public sealed class ConnectBookStackCommand : PSCmdlet
    {
        /// <summary>The wiki's base address, such as https://wiki.example.org. A user name and password in it are left out, never kept or shown.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [BookStackUri]
        public Uri Uri { get; set; } = null!;

        /// <summary>User name = API token id, password = token secret.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [Credential]
        public PSCredential Credential { get; set; } = null!;

        /// <summary>Allow an http:// address, sending the token unencrypted.</summary>
        [Parameter]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        /// <summary>Keep the connection without checking it against the server.</summary>
        [Parameter]
        public SwitchParameter SkipCheck { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>How long to wait for each answer from BookStack, in seconds, in this check and in the session's later commands (30 by default).</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 30;

        protected override void EndProcessing()
        {
            var connection = BookStackSession.Resolve(this, Uri, Credential, AllowUnencryptedAuthentication);
            connection.Timeout = TimeSpan.FromSeconds(TimeoutSec);
            if (!SkipCheck)
            {
                var client = BookStackSession.ClientFor(connection);
                client.Log = WriteVerbose;
                // The client is shared across commands; a stopped Publish-Postmortem left its own token on it.
                client.CancellationToken = default;
                client.Policy.Timeout = connection.Timeout;
                try
                {
                    client.ListBooks(1);
                }
                catch (BookStackException ex)
                {
                    ThrowTerminatingError(BookStackErrors.Record(ex, connection.BaseUri));
                }
            }
            BookStackSession.Set(connection);
            WriteVerbose($"Connected to BookStack at {connection.BaseUri} with token {connection.TokenId}.");
            if (PassThru) WriteObject(connection);
        }
    }

    /// <summary>Forgets this session's BookStack connection.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "BookStack")]
    public sealed class DisconnectBookStackCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            if (!BookStackSession.Clear()) WriteVerbose("There was no BookStack connection in this session.");
        }
    }
}
