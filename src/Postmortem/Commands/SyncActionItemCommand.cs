using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Security;
using System.Threading;
using Postmortems.BookStack;
using Postmortems.Trackers;

namespace Postmortems.Commands
{
    /// <summary>
    /// Takes postmortems' action items to a tracker (GitHub, GitLab, Jira) and their state back: an open item without
    /// an issue gets one, whose address becomes its Tracking; an item whose issue was closed becomes Done (with the day)
    /// or WontDo (with the reason). A re-run creates nothing twice. A postmortem read from a file is saved back.
    /// </summary>
    [Cmdlet(VerbsData.Sync, "ActionItem", SupportsShouldProcess = true, DefaultParameterSetName = PostmortemSet)]
    [OutputType(typeof(SyncChange), typeof(Postmortem))]
    public sealed class SyncActionItemCommand : PostmortemInputCommand
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private ITrackerClient? _tracker;

        /// <summary>
        /// A tracker export to read the issues' state from, for a team that cannot use a token from a terminal: the JSON of
        /// gh issue list --json number,state,stateReason,url,closedAt, of glab issue list --output json, or a Jira CSV
        /// export. Creates no issue; -Uri is the Jira site, to match items tracked by address.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? FromFile { get; set; }

        /// <summary>The tracker: GitHub, GitLab or Jira; else the settings file's Tracker.Name.</summary>
        [Parameter]
        public TrackerKind Tracker { get; set; }

        /// <summary>The repository (GitHub owner/repo), project (GitLab group/project) or project key (Jira OPS); else the settings file's Tracker.Project.</summary>
        [Parameter]
        [Alias("Repository")]
        [ValidateNotNullOrEmpty]
        public string? Project { get; set; }

        /// <summary>A .psd1 settings file whose Tracker hashtable names the tracker, project, address and Jira issue type.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Settings { get; set; }

        /// <summary>The tracker's address: GitHub's API root (https://api.github.com by default; GitHub Enterprise Server https://HOST/api/v3), the GitLab instance (https://gitlab.com by default), the Jira site (https://example.atlassian.net; required).</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? Uri { get; set; }

        /// <summary>The API token, as a SecureString (Get-Secret gives one). Else from GITHUB_TOKEN or GH_TOKEN, GITLAB_TOKEN, JIRA_API_TOKEN.</summary>
        [Parameter]
        [ValidateNotNull]
        public SecureString? Token { get; set; }

        /// <summary>For Jira: user name = the account's e-mail address, password = its API token. Else JIRA_EMAIL and JIRA_API_TOKEN.</summary>
        [Parameter]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        /// <summary>For Jira: the issue type of new issues (the settings file's Tracker.IssueType, else Task).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? IssueType { get; set; }

        /// <summary>Only read the linked issues' state back; create no issue.</summary>
        [Parameter]
        public SwitchParameter NoCreate { get; set; }

        [Parameter]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        /// <summary>How long to wait for each answer from the tracker, in seconds (30 unless given).</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; }

        /// <summary>Also write each postmortem out after its sync.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            try
            {
                _tracker = Connect();
            }
            catch (ArgumentException ex)
            {
                var record = new ErrorRecord(ex, ErrorIds.TrackerConnectionInvalid, ErrorCategory.InvalidArgument, Uri);
                // The core names the parameter for .NET callers; a PowerShell user reads the sentence alone.
                if (ex.ParamName is not null) record.ErrorDetails = new ErrorDetails(Text.Problem(ex));
                ThrowTerminatingError(record);
            }
        }

        protected override void ProcessRecord()
        {
            foreach (var postmortem in InputPostmortems()) Sync(postmortem);
        }

        protected override void EndProcessing() => (_tracker as IDisposable)?.Dispose();

        protected override void StopProcessing() => _stop.Cancel();

        private void Sync(Postmortem postmortem)
        {
            var tracker = _tracker!;
            var pageUrl = postmortem.Publication is Publication published && System.Uri.TryCreate(published.Server, UriKind.Absolute, out var server) && published.PageId > 0
                ? PostmortemPublisher.PageLink(server, published.PageId) : null;
            // -WhatIf reads the tracker but changes nothing: the items are put back as they were.
            var before = postmortem.ActionItems.Select(i => (i.Status, i.StatusReason, i.DoneDate, i.Tracking)).ToList();
            // Under -WhatIf (or a No to -Confirm) the tracker is read, each issue it would create is said, and nothing is
            // written: neither an issue nor the items.
            bool whatIf = !ShouldProcess($"The action items of '{postmortem.Title}'", $"Take the state of their issues in {tracker.Name} into them", "Sync-ActionItem");
            IReadOnlyList<SyncChange> changes;
            try
            {
                changes = ActionItemSync.Run(postmortem, tracker, new SyncOptions { Create = !NoCreate, PageUrl = pageUrl },
                    shouldCreate: what => ShouldProcess(what, what + "?", "Sync-ActionItem") && !whatIf, warn: WriteWarning);
            }
            catch (TrackerException ex)
            {
                Restore(postmortem, before, keepTracking: true);
                WriteError(Record(ex, postmortem));
                // What was created before the failure is recorded: the next run finds it by its marker anyway.
                Save(postmortem);
                return;
            }
            if (whatIf)
            {
                Restore(postmortem, before, keepTracking: false);
                foreach (var change in changes.Where(c => c.Action == SyncAction.StatusChanged || c.Action == SyncAction.Linked))
                {
                    WriteVerbose($"What if: ActionItems[{change.Index}] {change.Note}");
                }
            }
            else if (changes.Any(c => c.Action != SyncAction.Unchanged && c.Action != SyncAction.Skipped))
            {
                Save(postmortem);
            }
            WriteObject(changes, enumerateCollection: true);
            if (PassThru) WriteObject(postmortem);
        }

        private static void Restore(Postmortem postmortem, List<(ActionItemStatus Status, string? Reason, DateTime? Done, string? Tracking)> before, bool keepTracking)
        {
            for (int i = 0; i < before.Count && i < postmortem.ActionItems.Count; i++)
            {
                var item = postmortem.ActionItems[i];
                item.SetStatus(before[i].Status, before[i].Reason, before[i].Done, stampToday: false);
                if (!keepTracking) item.Tracking = before[i].Tracking;
            }
        }

        private void Save(Postmortem postmortem)
        {
            if (postmortem.SourcePath is null) return;
            PublishPostmortemCommand.SaveRecord(this, postmortem, "The action items were synced");
        }

        private ITrackerClient Connect()
        {
            if (FromFile is not null) return ReadExport(FromFile);
            // The command line first, then the team's settings file.
            var settings = RuleSelection.LoadSettings(this, Settings).Tracker;
            var bound = MyInvocation.BoundParameters;
            if (!bound.ContainsKey(nameof(Tracker)))
            {
                Tracker = settings.Kind ?? throw new ArgumentException("Say which tracker: -Tracker GitHub, GitLab or Jira, or Tracker = @{ Name = 'Jira'; Project = 'OPS' } in the settings file given with -Settings.");
            }
            Project ??= settings.Project ?? throw new ArgumentException($"Say which {Tracker} project: -Project ({(Tracker == TrackerKind.GitHub ? "owner/repo" : Tracker == TrackerKind.GitLab ? "group/project" : "the project key, such as OPS")}), or Tracker.Project in the settings file.");
            Uri ??= settings.Kind == Tracker ? settings.Uri : null;
            IssueType ??= settings.IssueType ?? "Task";
            var policy = new TrackerRetryPolicy();
            if (MyInvocation.BoundParameters.ContainsKey(nameof(TimeoutSec))) policy.Timeout = TimeSpan.FromSeconds(TimeoutSec);
            ITrackerClient tracker;
            TrackerHttp http;
            switch (Tracker)
            {
                case TrackerKind.GitHub:
                    var github = new GitHubTracker(Project, Secret("GITHUB_TOKEN", "GH_TOKEN"), Uri, AllowUnencryptedAuthentication, policy: policy);
                    (tracker, http) = (github, github.Http);
                    break;
                case TrackerKind.GitLab:
                    var gitlab = new GitLabTracker(Project, Secret("GITLAB_TOKEN"), Uri, AllowUnencryptedAuthentication, policy: policy);
                    (tracker, http) = (gitlab, gitlab.Http);
                    break;
                default:
                    var site = Uri ?? throw new ArgumentException("Give the Jira site: -Uri https://example.atlassian.net, or Tracker.Uri in the settings file.");
                    var (email, apiToken) = JiraAccount();
                    var jira = new JiraTracker(site, Project, email, apiToken, IssueType!, AllowUnencryptedAuthentication, policy: policy);
                    (tracker, http) = (jira, jira.Http);
                    break;
            }
            http.Log = WriteVerbose;
            http.CancellationToken = _stop.Token;
            return tracker;
        }

        // -FromFile: the issues as a tracker export gives them; a file that cannot be read stops the command.
        private ITrackerClient ReadExport(string given)
        {
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Tracker)) || Project is not null)
            {
                throw new ArgumentException("-FromFile reads the issues from an export, which says its tracker itself: leave -Tracker and -Project out (give -Uri for a Jira export's site).");
            }
            string path;
            try
            {
                var paths = SessionState.Path.GetResolvedProviderPathFromPSPath(given, out _);
                if (paths.Count != 1) throw new ItemNotFoundException($"'{given}' names {paths.Count} files; give one export file.");
                path = paths[0];
            }
            catch (Exception ex) when (ex is ItemNotFoundException || ex is DriveNotFoundException || ex is ProviderNotFoundException)
            {
                ThrowTerminatingError(new ErrorRecord(new ItemNotFoundException($"The export '{given}' was not found. {ex.Message}", ex), ErrorIds.TrackerExportNotFound, ErrorCategory.ObjectNotFound, given));
                throw;
            }
            try
            {
                var export = TrackerExport.Read(path, Uri?.AbsoluteUri);
                foreach (var warning in export.Warnings) WriteWarning(warning);
                WriteVerbose($"{export}: read as {export.Format}.");
                return new OfflineTracker(export);
            }
            catch (TrackerExportException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.InvalidTrackerExport, ErrorCategory.InvalidData, path));
                throw;
            }
            catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.TrackerExportNotFound, ErrorCategory.ReadError, path));
                throw;
            }
        }

        // Jira's account: -Credential (e-mail, API token), else -Token with JIRA_EMAIL, else JIRA_EMAIL and JIRA_API_TOKEN.
        private (string Email, string Token) JiraAccount()
        {
            if (Credential is not null) return (Credential.UserName, Credential.GetNetworkCredential().Password);
            var email = Environment.GetEnvironmentVariable("JIRA_EMAIL");
            if (string.IsNullOrWhiteSpace(email))
            {
                throw new ArgumentException("No Jira account: give -Credential (user name = the account's e-mail address, password = its API token), or set JIRA_EMAIL and JIRA_API_TOKEN.");
            }
            return (email!.Trim(), Secret("JIRA_API_TOKEN"));
        }

        // The token: -Token, else the first environment variable set; never shown.
        private string Secret(params string[] variables)
        {
            if (Token is not null) return new NetworkCredential(string.Empty, Token).Password;
            foreach (var name in variables)
            {
                var value = Environment.GetEnvironmentVariable(name);
                if (!string.IsNullOrWhiteSpace(value)) return value!.Trim();
            }
            throw new ArgumentException($"No {Tracker} token: give -Token (a SecureString, such as from Get-Secret), or set {string.Join(" or ", variables)}.");
        }

        private static ErrorRecord Record(TrackerException ex, object target) => ex.Kind switch
        {
            TrackerErrorKind.Unauthorized => new ErrorRecord(ex, ErrorIds.TrackerUnauthorized, ErrorCategory.AuthenticationError, target),
            TrackerErrorKind.Forbidden => new ErrorRecord(ex, ErrorIds.TrackerForbidden, ErrorCategory.PermissionDenied, target),
            TrackerErrorKind.NotFound => new ErrorRecord(ex, ErrorIds.TrackerNotFound, ErrorCategory.ObjectNotFound, target),
            TrackerErrorKind.Validation => new ErrorRecord(ex, ErrorIds.TrackerValidation, ErrorCategory.InvalidData, target),
            TrackerErrorKind.RateLimited => new ErrorRecord(ex, ErrorIds.TrackerRateLimited, ErrorCategory.LimitsExceeded, target),
            TrackerErrorKind.Unavailable => new ErrorRecord(ex, ErrorIds.TrackerUnavailable, ErrorCategory.ConnectionError, target),
            _ => new ErrorRecord(ex, ErrorIds.TrackerFailed, ErrorCategory.InvalidResult, target),
        };
    }
}
