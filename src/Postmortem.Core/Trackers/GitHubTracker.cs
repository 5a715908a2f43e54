using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json = Postmortems.BookStack.Json;

namespace Postmortems.Trackers
{
    /// <summary>
    /// A GitHub repository's issues through the REST API (docs/trackers/github.md): github.com's api.github.com, or a
    /// GitHub Enterprise Server's https://HOST/api/v3. The marker is looked for in the repository's issues labelled
    /// postmortem, listed (not searched: search is eventually consistent, and a just-created issue may not be found).
    /// </summary>
    public sealed class GitHubTracker : ITrackerClient, IDisposable
    {
        public static readonly Uri DefaultApi = new Uri("https://api.github.com/");
        private static readonly Regex RepositoryName = new Regex(@"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", RegexOptions.CultureInvariant);
        private readonly TrackerHttp _http;
        private readonly string _owner, _repo;
        private readonly Regex _issueUrl;

        /// <param name="repository">owner/repo.</param>
        /// <param name="apiRoot">https://api.github.com (the default), or a GitHub Enterprise Server's https://HOST/api/v3.</param>
        public GitHubTracker(string repository, string token, Uri? apiRoot = null, bool allowUnencryptedAuthentication = false, HttpMessageHandler? handler = null, TrackerRetryPolicy? policy = null)
        {
            if (repository is null || !RepositoryName.IsMatch(repository.Trim()))
            {
                throw new ArgumentException($"'{repository}' is not a GitHub repository: give it as owner/repo, such as octo/ops.", nameof(repository));
            }
            if (string.IsNullOrWhiteSpace(token)) throw new ArgumentException("A GitHub token is needed (a fine-grained token with Issues: read and write).", nameof(token));
            var parts = repository.Trim().Split('/');
            (_owner, _repo) = (parts[0], parts[1]);
            Repository = _owner + "/" + _repo;
            var secret = token.Trim();
            _http = new TrackerHttp("GitHub", apiRoot ?? DefaultApi, r => r.Headers.TryAddWithoutValidation("Authorization", "Bearer " + secret), allowUnencryptedAuthentication, handler, policy);
            _http.DefaultHeaders["Accept"] = "application/vnd.github+json";
            _http.DefaultHeaders["X-GitHub-Api-Version"] = "2022-11-28";
            // An issue's web address: https://github.com/owner/repo/issues/42, or the same under a GHES host (any host: the
            // web host is not the API host on github.com).
            _issueUrl = new Regex(@"^https?://[^/]+(?:/[^/]+)*?/" + Regex.Escape(_owner) + "/" + Regex.Escape(_repo) + @"/issues/(?<n>\d+)/?$",
                RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        }

        public string Repository { get; }

        public string Name => "GitHub " + Repository;

        public bool CanCreate => true;

        public TrackerHttp Http => _http;

        private string IssuesPath => $"repos/{Uri.EscapeDataString(_owner)}/{Uri.EscapeDataString(_repo)}/issues";

        public bool Owns(string tracking) => Number(tracking) is not null;

        // The issue number of an address of this repository, or of "owner/repo#42" / "#42".
        private string? Number(string tracking)
        {
            var text = tracking.Trim();
            var m = _issueUrl.Match(text);
            if (m.Success) return m.Groups["n"].Value;
            var shortForm = Regex.Match(text, @"^(?:(?<repo>[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+))?#(?<n>\d+)$", RegexOptions.CultureInvariant);
            if (shortForm.Success && (!shortForm.Groups["repo"].Success || string.Equals(shortForm.Groups["repo"].Value, Repository, StringComparison.OrdinalIgnoreCase)))
            {
                return shortForm.Groups["n"].Value;
            }
            return null;
        }

        public TrackerIssue? Get(string tracking)
        {
            var number = Number(tracking) ?? throw new ArgumentException($"'{tracking}' is no issue of {Repository}.", nameof(tracking));
            using var response = _http.Send(HttpMethod.Get, IssuesPath + "/" + number, null, $"issue #{number} of {Repository}", notFoundIsNull: true);
            return response is null ? null : Issue(response.Root);
        }

        public TrackerIssue? FindByMarker(string marker)
        {
            // Every issue with the label, open and closed, page by page as the link header leads.
            string? next = $"{IssuesPath}?labels={Uri.EscapeDataString(ActionItemSync.Label)}&state=all&per_page=100";
            int pages = 0;
            while (next is not null && pages++ < 100)
            {
                using var response = _http.Send(HttpMethod.Get, next, null, $"the issues of {Repository}")!;
                if (response.Root.ValueKind != JsonValueKind.Array) break;
                foreach (var e in response.Root.EnumerateArray())
                {
                    if (e.TryGetProperty("pull_request", out _)) continue;
                    var body = Json.Text(e, "body");
                    if (body is not null && body.IndexOf(marker, StringComparison.Ordinal) >= 0) return Issue(e);
                }
                next = NextLink(response.Header("link"));
            }
            return null;
        }

        public TrackerIssue Create(NewTrackerIssue issue)
        {
            var body = TrackerHttp.Json(w =>
            {
                w.WriteString("title", issue.Title);
                w.WriteString("body", issue.Body);
                w.WriteStartArray("labels");
                foreach (var label in issue.Labels) w.WriteStringValue(label);
                w.WriteEndArray();
            });
            using var response = _http.Send(HttpMethod.Post, IssuesPath, body, $"a new issue in {Repository}")!;
            return Issue(response.Root);
        }

        /// <summary>The rel="next" address of a link header, or null.</summary>
        internal static string? NextLink(string? link)
        {
            if (link is null) return null;
            foreach (var part in link.Split(','))
            {
                var m = Regex.Match(part, @"<(?<url>[^>]+)>\s*;\s*rel=""?next""?", RegexOptions.CultureInvariant);
                if (m.Success) return m.Groups["url"].Value;
            }
            return null;
        }

        private TrackerIssue Issue(JsonElement e)
        {
            var number = e.TryGetProperty("number", out var n) && n.TryGetInt64(out var value) ? value.ToString(CultureInfo.InvariantCulture) : "?";
            var url = Json.Text(e, "html_url") ?? $"https://github.com/{Repository}/issues/{number}";
            var state = Json.Text(e, "state");
            var reason = Json.Text(e, "state_reason");
            var closedAt = Json.Text(e, "closed_at") is string closed && DateTimeOffset.TryParse(closed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.UtcDateTime : (DateTime?)null;
            // Closed as a duplicate, the work goes on in another issue: this item is not done by this one. It is Won't do with
            // that reason, for a person to follow to the other issue; the offline exports read it the same way.
            var issueState = state != "closed" ? TrackerIssueState.Open : reason == "not_planned" || reason == "duplicate" ? TrackerIssueState.WontDo : TrackerIssueState.Done;
            return new TrackerIssue(url, Repository + "#" + number, Json.Text(e, "title") ?? string.Empty, issueState, closedAt,
                issueState == TrackerIssueState.WontDo ? (reason == "duplicate" ? "closed as a duplicate" : "closed as not planned") : null, Json.Text(e, "body"));
        }

        public void Dispose() => _http.Dispose();
    }
}
