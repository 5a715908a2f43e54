using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json = Postmortems.BookStack.Json;

namespace Postmortems.Trackers
{
    /// <summary>
    /// A Jira Cloud project's issues through the platform REST API v3 (docs/trackers/jira.md), with an account's e-mail
    /// address and API token. New issues carry the labels postmortem and the priority (Jira's own priority field is left
    /// alone: priority schemes differ between sites); the description is the body in the Atlassian Document Format.
    /// An issue in a done status is Done, unless its resolution is one of <see cref="WontDoResolutions"/>: then WontDo,
    /// with the resolution as the reason.
    /// <para>
    /// The marker is found with JQL search (<c>/rest/api/3/search/jql</c>), which is eventually consistent: an issue created
    /// moments ago may be missing from it. Issues this client created are named in reconcileIssues, so the same run
    /// always finds them; and the sync records an issue as the item's Tracking the moment it creates it, so a second
    /// issue for one item can only come from a run stopped between creating the issue and saving the postmortem,
    /// followed at once by another run.
    /// </para>
    /// </summary>
    public sealed class JiraTracker : ITrackerClient, IDisposable
    {
        /// <summary>
        /// Resolutions that mean the work will not be done by this issue: Duplicate too (the work goes on in another issue,
        /// for a person to follow). Done, Fixed or none are Done. The offline Jira export reads them the same way.
        /// </summary>
        public static readonly IReadOnlyList<string> WontDoResolutions = new[] { "Won't Do", "Won't Fix", "Declined", "Duplicate", "Cannot Reproduce" };

        private const string Fields = "summary,status,resolution,resolutiondate,statuscategorychangedate,description";
        private const int MaxReconciled = 50;
        private static readonly Regex ProjectKeyPattern = new Regex(@"^[A-Z][A-Z0-9_]*$", RegexOptions.CultureInvariant);
        private readonly TrackerHttp _http;
        private readonly Regex _browseUrl;
        private readonly Regex _key;
        private readonly List<long> _created = new List<long>();

        /// <param name="site">The Jira Cloud site, https://your-domain.atlassian.net.</param>
        /// <param name="projectKey">The project's key, such as OPS.</param>
        /// <param name="email">The e-mail address of the account the API token belongs to.</param>
        /// <param name="apiToken">An API token of that account (id.atlassian.com, Security, API tokens).</param>
        /// <param name="issueType">The type of new issues: Task by default.</param>
        public JiraTracker(Uri site, string projectKey, string email, string apiToken, string issueType = "Task", bool allowUnencryptedAuthentication = false, HttpMessageHandler? handler = null, TrackerRetryPolicy? policy = null)
        {
            if (site is null || !site.IsAbsoluteUri) throw new ArgumentException("Give the Jira site as its address, such as https://your-domain.atlassian.net.", nameof(site));
            var key = projectKey?.Trim().ToUpperInvariant() ?? string.Empty;
            if (!ProjectKeyPattern.IsMatch(key)) throw new ArgumentException($"'{projectKey}' is not a Jira project key: give it as the letters before an issue's number, such as OPS for OPS-12.", nameof(projectKey));
            if (string.IsNullOrWhiteSpace(email)) throw new ArgumentException("The e-mail address of the Jira account the API token belongs to is needed.", nameof(email));
            if (string.IsNullOrWhiteSpace(apiToken)) throw new ArgumentException("A Jira API token is needed (id.atlassian.com, Security, API tokens).", nameof(apiToken));
            if (string.IsNullOrWhiteSpace(issueType)) throw new ArgumentException("An issue type is needed, such as Task.", nameof(issueType));
            ProjectKey = key;
            IssueType = issueType.Trim();
            Site = SiteOf(site);
            var credentials = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(email.Trim() + ":" + apiToken.Trim()));
            _http = new TrackerHttp("Jira", new Uri(Site.AbsoluteUri + "rest/api/3/"), r => r.Headers.TryAddWithoutValidation("Authorization", credentials), allowUnencryptedAuthentication, handler, policy);
            _http.DefaultHeaders["Accept"] = "application/json";
            _browseUrl = new Regex(@"^https?://" + Regex.Escape(Site.Authority + Site.AbsolutePath) + @"browse/(?<key>[A-Za-z][A-Za-z0-9_]*-\d+)/?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
            _key = new Regex("^" + Regex.Escape(key) + @"-\d+$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        }

        public string ProjectKey { get; }

        public string IssueType { get; }

        /// <summary>The site's address, ending in /.</summary>
        public Uri Site { get; }

        public string Name => "Jira " + ProjectKey;

        public bool CanCreate => true;

        public TrackerHttp Http => _http;

        // The site ending in /: an issue's address or the API's, given by mistake, is taken back to the site.
        private static Uri SiteOf(Uri site)
        {
            var text = site.GetLeftPart(UriPartial.Path);
            foreach (var part in new[] { "/browse/", "/rest/api/" })
            {
                int at = text.IndexOf(part, StringComparison.OrdinalIgnoreCase);
                if (at >= 0) text = text.Substring(0, at);
            }
            return new Uri(text.TrimEnd('/') + "/");
        }

        public bool Owns(string tracking) => KeyOf(tracking) is not null;

        // The issue key of {site}/browse/OPS-12 or of OPS-12, when it is this project's.
        private string? KeyOf(string tracking)
        {
            var text = tracking.Trim();
            var m = _browseUrl.Match(text);
            if (m.Success) text = m.Groups["key"].Value;
            return _key.IsMatch(text) ? text.ToUpperInvariant() : null;
        }

        public TrackerIssue? Get(string tracking)
        {
            var key = KeyOf(tracking) ?? throw new ArgumentException($"'{tracking}' is no issue of Jira project {ProjectKey}.", nameof(tracking));
            using var response = _http.Send(HttpMethod.Get, $"issue/{Uri.EscapeDataString(key)}?fields={Fields}", null, $"issue {key}", notFoundIsNull: true);
            return response is null ? null : Issue(response.Root);
        }

        public TrackerIssue? FindByMarker(string marker)
        {
            // The marker as a quoted phrase: a bare pm-1a2b… would be read by Jira's text search as words and an operator.
            var jql = $"project = \"{ProjectKey}\" AND labels = \"{ActionItemSync.Label}\" AND text ~ \"\\\"{JqlText(marker)}\\\"\"";
            string? token = null;
            int pages = 0;
            do
            {
                var body = TrackerHttp.Json(w =>
                {
                    w.WriteString("jql", jql);
                    w.WriteStartArray("fields");
                    foreach (var field in Fields.Split(',')) w.WriteStringValue(field);
                    w.WriteEndArray();
                    w.WriteNumber("maxResults", 100);
                    if (token is not null) w.WriteString("nextPageToken", token);
                    if (_created.Count > 0)
                    {
                        w.WriteStartArray("reconcileIssues");
                        foreach (var id in _created) w.WriteNumberValue(id);
                        w.WriteEndArray();
                    }
                });
                // A search writes nothing: sent again after a failure, as a read is.
                using var response = _http.Send(HttpMethod.Post, "search/jql", body, $"a search of Jira project {ProjectKey}", retryAsRead: true)!;
                if (!response.Root.TryGetProperty("issues", out var issues) || issues.ValueKind != JsonValueKind.Array) break;
                foreach (var e in issues.EnumerateArray())
                {
                    var description = e.TryGetProperty("fields", out var fields) && fields.TryGetProperty("description", out var d) ? AtlassianDocument.PlainText(d) : string.Empty;
                    if (description.IndexOf(marker, StringComparison.Ordinal) >= 0) return Issue(e);
                }
                bool isLast = !response.Root.TryGetProperty("isLast", out var last) || last.ValueKind != JsonValueKind.False;
                token = isLast ? null : Json.Text(response.Root, "nextPageToken");
            }
            while (token is not null && ++pages < 100);
            return null;
        }

        // Inside a JQL string a quote and a backslash are escaped; the marker has neither, but a caller's text might.
        private static string JqlText(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"");

        public TrackerIssue Create(NewTrackerIssue issue)
        {
            var body = TrackerHttp.Json(w =>
            {
                w.WriteStartObject("fields");
                w.WriteStartObject("project");
                w.WriteString("key", ProjectKey);
                w.WriteEndObject();
                w.WriteStartObject("issuetype");
                w.WriteString("name", IssueType);
                w.WriteEndObject();
                w.WriteString("summary", issue.Title);
                w.WriteStartArray("labels");
                // Jira labels cannot hold a space.
                foreach (var label in issue.Labels) w.WriteStringValue(Regex.Replace(label.Trim(), @"\s+", "_"));
                w.WriteEndArray();
                if (issue.DueDate is DateTime due) w.WriteString("duedate", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.WritePropertyName("description");
                AtlassianDocument.Write(w, issue.Body);
                w.WriteEndObject();
            });
            using var response = _http.Send(HttpMethod.Post, "issue", body, $"a new issue in Jira project {ProjectKey}")!;
            var key = Json.Text(response.Root, "key")
                ?? throw new TrackerException(TrackerErrorKind.Failed, 201, $"Jira created an issue in {ProjectKey} but did not say its key; look for it by its marker {issue.Marker}.", outcomeUnknown: true);
            if (Json.Text(response.Root, "id") is string id && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                if (_created.Count == MaxReconciled) _created.RemoveAt(0);
                _created.Add(number);
            }
            return new TrackerIssue(BrowseUrl(key), key, issue.Title, TrackerIssueState.Open, body: issue.Body);
        }

        private string BrowseUrl(string key) => Site.AbsoluteUri + "browse/" + key;

        private TrackerIssue Issue(JsonElement e)
        {
            var key = Json.Text(e, "key") ?? "?";
            e.TryGetProperty("fields", out var fields);
            var category = fields.ValueKind == JsonValueKind.Object && fields.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object
                && status.TryGetProperty("statusCategory", out var c) ? Json.Text(c, "key") : null;
            var resolution = fields.ValueKind == JsonValueKind.Object && fields.TryGetProperty("resolution", out var r) ? Json.Text(r, "name") : null;
            var state = TrackerIssueState.Open;
            DateTime? closedOn = null;
            string? reason = null;
            if (category == "done")
            {
                bool wontDo = resolution is not null && WontDoResolutions.Contains(resolution.Trim().Replace('\u2019', '\''), StringComparer.OrdinalIgnoreCase);
                state = wontDo ? TrackerIssueState.WontDo : TrackerIssueState.Done;
                reason = wontDo ? resolution!.Trim() : null;
                // A workflow that sets no resolution has no resolution date: the day it went into a done status then.
                closedOn = (Time(fields, "resolutiondate") ?? Time(fields, "statuscategorychangedate"))?.UtcDateTime;
            }
            var description = fields.ValueKind == JsonValueKind.Object && fields.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.Object
                ? AtlassianDocument.PlainText(d) : null;
            return new TrackerIssue(BrowseUrl(key), key, Json.Text(fields, "summary") ?? string.Empty, state, closedOn, reason, description);
        }

        /// <summary>Jira's time stamps, 2026-03-01T09:30:00.000+0000 (an offset without a colon), or ISO 8601.</summary>
        internal static DateTimeOffset? Time(JsonElement fields, string name)
        {
            var text = Json.Text(fields, name);
            if (text is null) return null;
            text = Regex.Replace(text.Trim(), @"([+-]\d{2})(\d{2})$", "$1:$2");
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : (DateTimeOffset?)null;
        }

        public void Dispose() => _http.Dispose();
    }
}
