using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Linq;
using Postmortems.BookStack;
using Postmortems.Privacy;

namespace Postmortems.Commands
{
    /// <summary>
    /// The BookStack connection of each PowerShell session, and one HttpClient per connection so that connections
    /// to the server are reused across commands.
    /// </summary>
    internal static class BookStackSession
    {
        internal const string UrlVariable = "BOOKSTACK_URL";
        internal const string TokenIdVariable = "BOOKSTACK_TOKEN_ID";
        internal const string TokenSecretVariable = "BOOKSTACK_TOKEN_SECRET";

        private static readonly ConcurrentDictionary<Guid, BookStackConnection> Connections = new ConcurrentDictionary<Guid, BookStackConnection>();
        private static readonly ConcurrentDictionary<string, BookStackClient> Clients = new ConcurrentDictionary<string, BookStackClient>();

        private static Guid RunspaceId => Runspace.DefaultRunspace?.InstanceId ?? Guid.Empty;

        public static void Set(BookStackConnection connection) => Connections[RunspaceId] = connection;

        public static bool Clear() => Connections.TryRemove(RunspaceId, out _);

        public static BookStackConnection? Current => Connections.TryGetValue(RunspaceId, out var connection) ? connection : null;

        /// <summary>The client for a connection, made once and kept for the process.</summary>
        public static BookStackClient ClientFor(BookStackConnection connection)
        {
            var key = connection.BaseUri + "|" + connection.TokenId + "|" + connection.AllowUnencryptedAuthentication;
            var client = Clients.GetOrAdd(key, _ => new BookStackClient(connection));
            if (!client.Connection.SameAs(connection))
            {
                // The same token id with another secret: replace the client, so the new secret is used.
                var replacement = new BookStackClient(connection);
                Clients[key] = replacement;
                client = replacement;
            }
            return client;
        }

        /// <summary>The client a command uses: its connection resolved as <see cref="Resolve"/> says, telling the command's verbose stream what it does, stopped with the command.</summary>
        /// <param name="timeoutSec">The command's -TimeoutSec; else the connection's (Connect-BookStack -TimeoutSec), else 30 s.</param>
        public static BookStackClient Connect(PSCmdlet cmdlet, Uri? uri, PSCredential? credential, bool allowUnencrypted, System.Threading.CancellationToken stop, int? timeoutSec)
        {
            var connection = Resolve(cmdlet, uri, credential, allowUnencrypted);
            var client = ClientFor(connection);
            client.Log = cmdlet.WriteVerbose;
            client.CancellationToken = stop;
            // The client is shared by the commands of a connection: each sets the limit it runs with.
            client.Policy.Timeout = timeoutSec is int seconds ? TimeSpan.FromSeconds(seconds) : connection.Timeout;
            client.Policy.ConfirmCreateFor = client.Policy.Timeout;
            return client;
        }

        /// <summary>
        /// -Uri and -Credential, else the Connect-BookStack session, else the environment variables. None of them:
        /// a terminating error that names exactly what to set.
        /// </summary>
        public static BookStackConnection Resolve(PSCmdlet cmdlet, Uri? uri, PSCredential? credential, bool allowUnencrypted)
        {
            try
            {
                if (uri is not null || credential is not null)
                {
                    if (uri is null || credential is null)
                    {
                        throw new ArgumentException("Give -Uri and -Credential together (user name = API token id, password = token secret), or neither to use Connect-BookStack or the environment.");
                    }
                    SayUserInfoIsDropped(cmdlet, uri, "-Uri");
                    return new BookStackConnection(uri, credential.UserName, credential.GetNetworkCredential().Password, allowUnencrypted);
                }
                if (Current is BookStackConnection session) return session;
                var url = Environment.GetEnvironmentVariable(UrlVariable);
                var id = Environment.GetEnvironmentVariable(TokenIdVariable);
                var secret = Environment.GetEnvironmentVariable(TokenSecretVariable);
                if (string.IsNullOrWhiteSpace(url) && string.IsNullOrWhiteSpace(id) && string.IsNullOrEmpty(secret))
                {
                    cmdlet.ThrowTerminatingError(new ErrorRecord(
                        new InvalidOperationException(
                            $"No BookStack server is set. Run Connect-BookStack -Uri https://wiki.example.org -Credential (Get-Credential) (user name = API token id, password = token secret), " +
                            $"or pass -Uri and -Credential, or set the environment variables {UrlVariable}, {TokenIdVariable} and {TokenSecretVariable}."),
                        ErrorIds.BookStackNotConnected, ErrorCategory.ConnectionError, null));
                }
                var missing = new[] { (UrlVariable, url), (TokenIdVariable, id), (TokenSecretVariable, secret) }.Where(v => string.IsNullOrWhiteSpace(v.Item2)).Select(v => v.Item1).ToList();
                if (missing.Count > 0)
                {
                    cmdlet.ThrowTerminatingError(new ErrorRecord(
                        new InvalidOperationException($"The BookStack environment is incomplete: set {string.Join(" and ", missing)} as well."),
                        ErrorIds.BookStackNotConnected, ErrorCategory.ConnectionError, null));
                }
                if (Addresses.Parse(url!) is not Uri address)
                {
                    throw new ArgumentException($"{UrlVariable} is '{Addresses.WithoutUserInfo(url!.Trim())}', which is not a web address such as https://wiki.example.org.");
                }
                SayUserInfoIsDropped(cmdlet, address, UrlVariable);
                return new BookStackConnection(address, id!, secret!, allowUnencrypted);
            }
            catch (ArgumentException ex)
            {
                // The core names the parameter for .NET callers; a PowerShell user reads the sentence alone.
                var record = new ErrorRecord(ex, ErrorIds.BookStackConnectionInvalid, ErrorCategory.InvalidArgument, uri is null ? null : Addresses.ForDisplay(uri));
                if (ex.ParamName is not null) record.ErrorDetails = new ErrorDetails(Text.Problem(ex));
                cmdlet.ThrowTerminatingError(record);
                throw;
            }
        }

        // The address's user name and password are not the BookStack credential, so they are left out, and the user is told.
        private static void SayUserInfoIsDropped(PSCmdlet cmdlet, Uri address, string where)
        {
            if (!Addresses.HasUserInfo(address)) return;
            cmdlet.WriteVerbose($"The user name and password in {where} were left out: BookStack takes the API token (-Credential) instead, and the address is used and kept as {Addresses.WithoutUserInfo(address)}.");
        }
    }
}
