using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json = Postmortems.BookStack.Json;

namespace Postmortems.Trackers
{
    /// <summary>
    /// A GitLab project's issues through the REST API v4 (docs/trackers/gitlab.md): GitLab.com, or a self-managed or
    /// Dedicated instance at https://HOST (a relative root such as https://HOST/gitlab too). The marker is looked for in
    /// the project's issues labelled postmortem, listed from the database page by page, not searched.
    /// GitLab issues have no close reason: a closed issue is Done, unless it carries the label <c>wontdo</c> or
    /// <c>won't do</c> (<see cref="WontDoLabels"/>), which makes it WontDo, "closed with the label won't do".
    /// </summary>
    public sealed class GitLabTracker : ITrackerClient, IDisposable
    {
        public static readonly Uri DefaultInstance = new Uri("https://gitlab.com/");

        /// <summary>The labels that tell a closed issue will not be done, matched without case.</summary>
        public static readonly IReadOnlyList<string> WontDoLabels = new[] { "wontdo", "won't do" };

        private static readonly Regex ProjectPath = new Regex(@"^[A-Za-z0-9_.][A-Za-z0-9_.-]*(?:/[A-Za-z0-9_.][A-Za-z0-9_.-]*)+$", RegexOptions.CultureInvariant);
        private static readonly Regex ShortForm = new Regex(@"^(?<path>[A-Za-z0-9_./-]+)?#(?<n>\d+)$", RegexOptions.CultureInvariant);
        private readonly TrackerHttp _http;
        private readonly string _id;
        private readonly Regex _issueUrl;
        private string? _path;
        private bool _pathLookedUp;

        /// <param name="project">The project's path (group/subgroup/project) or its numeric id.</param>
        /// <param name="token">A personal, project or group access token with the api scope.</param>
        /// <param name="instance">https://gitlab.com (the default), or the instance's address.</param>
        public GitLabTracker(string project, string token, Uri? instance = null, bool allowUnencryptedAuthentication = false, HttpMessageHandler? handler = null, TrackerRetryPolicy? policy = null)
        {
            var name = project?.Trim().Trim('/') ?? string.Empty;
            bool numeric = name.Length > 0 && name.All(c => c >= '0' && c <= '9');
            if (!numeric && !ProjectPath.IsMatch(name))
            {
                throw new ArgumentException($"'{project}' is not a GitLab project: give its path as group/project (subgroups too: group/sub/project), or its numeric id.", nameof(project));
            }
            if (string.IsNullOrWhiteSpace(token)) throw new ArgumentException("A GitLab token is needed (a personal, project or group access token with the api scope).", nameof(token));
            _id = name;
            _path = numeric ? null : name;
            Project = name;
            var secret = token.Trim();
            var site = Site(instance ?? DefaultInstance);
            Instance = site;
            _http = new TrackerHttp("GitLab", new Uri(site.AbsoluteUri + "api/v4/"), r => r.Headers.TryAddWithoutValidation("PRIVATE-TOKEN", secret), allowUnencryptedAuthentication, handler, policy);
            _http.DefaultHeaders["Accept"] = "application/json";
            // An issue's web address: {instance}/{path}/-/issues/14 (older addresses without "-/", and work items, lead to the same issue).
            _issueUrl = new Regex(@"^https?://" + Regex.Escape(site.Authority + site.AbsolutePath) + @"(?<path>[^?#]+?)/(?:-/)?(?:issues|work_items)/(?<n>\d+)/?$",
                RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
        }

        /// <summary>The project as given: its path or its id.</summary>
        public string Project { get; }

        /// <summary>The instance's address, ending in /.</summary>
        public Uri Instance { get; }

        public string Name => "GitLab " + Project;

        public bool CanCreate => true;

        public TrackerHttp Http => _http;

        private string IssuesPath => $"projects/{Uri.EscapeDataString(_id)}/issues";

        // The instance's address ending in /; an API address given by mistake (…/api/v4) is taken back to the instance.
        private static Uri Site(Uri instance)
        {
            if (!instance.IsAbsoluteUri) throw new ArgumentException($"'{instance}' is not an absolute address: give the GitLab instance as https://HOST.", nameof(instance));
            var text = instance.GetLeftPart(UriPartial.Path).TrimEnd('/');
            if (text.EndsWith("/api/v4", StringComparison.OrdinalIgnoreCase)) text = text.Substring(0, text.Length - "/api/v4".Length);
            return new Uri(text + "/");
        }

        public bool Owns(string tracking) => Iid(tracking) is not null;

        // The iid of an address of this project's issue, or of "group/project#14" / "#14".
        private string? Iid(string tracking)
        {
            var text = tracking.Trim();
            var m = _issueUrl.Match(text);
            if (m.Success) return IsThisProject(m.Groups["path"].Value) ? m.Groups["n"].Value : null;
            var shortForm = ShortForm.Match(text);
            if (shortForm.Success && (!shortForm.Groups["path"].Success || IsThisProject(shortForm.Groups["path"].Value)))
            {
                return shortForm.Groups["n"].Value;
            }
            return null;
        }

        private bool IsThisProject(string path)
        {
            var known = KnownPath();
            return known is not null && string.Equals(path.Trim('/'), known, StringComparison.OrdinalIgnoreCase);
        }

        // A project given by its id has its path learnt from its issues (the one call the contract offers that names
        // it), once; a project without issues has no issue address to own.
        private string? KnownPath()
        {
            if (_path is not null || _pathLookedUp) return _path;
            _pathLookedUp = true;
            using var response = _http.Send(HttpMethod.Get, IssuesPath + "?state=all&per_page=1", null, $"the issues of GitLab project {Project}")!;
            if (response.Root.ValueKind == JsonValueKind.Array)
            {
                foreach (var e in response.Root.EnumerateArray()) Learn(e);
            }
            return _path;
        }

        private void Learn(JsonElement issue)
        {
            if (_path is not null) return;
            if (issue.TryGetProperty("references", out var references) && Json.Text(references, "full") is string full)
            {
                int hash = full.LastIndexOf('#');
                if (hash > 0) _path = full.Substring(0, hash);
            }
        }

        public TrackerIssue? Get(string tracking)
        {
            var iid = Iid(tracking) ?? throw new ArgumentException($"'{tracking}' is no issue of GitLab project {Project}.", nameof(tracking));
            using var response = _http.Send(HttpMethod.Get, IssuesPath + "/" + iid, null, $"issue #{iid} of {Project}", notFoundIsNull: true);
            return response is null ? null : Issue(response.Root);
        }

        public TrackerIssue? FindByMarker(string marker)
        {
            // Every issue with the label, open and closed, page by page as the Link header (or x-next-page) leads. GitLab's
            // search is not used: its matching of a token with a hyphen differs between versions.
            string? next = $"{IssuesPath}?labels={Uri.EscapeDataString(ActionItemSync.Label)}&state=all&per_page=100";
            int pages = 0;
            while (next is not null && pages++ < 100)
            {
                using var response = _http.Send(HttpMethod.Get, next, null, $"the issues of GitLab project {Project}")!;
                if (response.Root.ValueKind != JsonValueKind.Array) break;
                foreach (var e in response.Root.EnumerateArray())
                {
                    Learn(e);
                    var description = Json.Text(e, "description");
                    if (description is not null && description.IndexOf(marker, StringComparison.Ordinal) >= 0) return Issue(e);
                }
                next = GitHubTracker.NextLink(response.Header("link")) ?? NextPage(next, response.Header("x-next-page"));
            }
            return null;
        }

        // The address of the page x-next-page names (empty on the last page).
        private static string? NextPage(string current, string? nextPage)
        {
            if (nextPage is null || !int.TryParse(nextPage.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var page)) return null;
            var without = Regex.Replace(current, @"([?&])page=\d+&?", "$1").TrimEnd('&', '?');
            return without + (without.IndexOf('?') >= 0 ? "&" : "?") + "page=" + page.ToString(CultureInfo.InvariantCulture);
        }

        public TrackerIssue Create(NewTrackerIssue issue)
        {
            var body = TrackerHttp.Json(w =>
            {
                w.WriteString("title", issue.Title);
                w.WriteString("description", issue.Body);
                // Labels go as one comma-separated value; a comma inside a label would split it.
                w.WriteString("labels", string.Join(",", issue.Labels.Select(l => l.Replace(",", " "))));
                if (issue.DueDate is DateTime due) w.WriteString("due_date", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            });
            using var response = _http.Send(HttpMethod.Post, IssuesPath, body, $"a new issue in GitLab project {Project}")!;
            Learn(response.Root);
            return Issue(response.Root);
        }

        private TrackerIssue Issue(JsonElement e)
        {
            var iid = Json.Text(e, "iid") ?? "?";
            var key = e.TryGetProperty("references", out var references) && Json.Text(references, "full") is string full ? full : (_path ?? Project) + "#" + iid;
            var url = Json.Text(e, "web_url") ?? $"{Instance.AbsoluteUri}{_path ?? Project}/-/issues/{iid}";
            var closedAt = Json.Time(e, "closed_at")?.UtcDateTime;
            var state = TrackerIssueState.Open;
            string? reason = null;
            if (Json.Text(e, "state") == "closed")
            {
                var wontDo = Labels(e).FirstOrDefault(IsWontDoLabel);
                state = wontDo is null ? TrackerIssueState.Done : TrackerIssueState.WontDo;
                if (wontDo is not null) reason = "closed with the label " + wontDo;
            }
            return new TrackerIssue(url, key, Json.Text(e, "title") ?? string.Empty, state, closedAt, reason, Json.Text(e, "description"));
        }

        private static IEnumerable<string> Labels(JsonElement e)
        {
            if (!e.TryGetProperty("labels", out var labels) || labels.ValueKind != JsonValueKind.Array) yield break;
            foreach (var label in labels.EnumerateArray())
            {
                // Label names, or label objects when asked for with_labels_details.
                if (label.ValueKind == JsonValueKind.String) yield return label.GetString()!;
                else if (Json.Text(label, "name") is string name) yield return name;
            }
        }

        // "won't do" with a typographic apostrophe, too.
        internal static bool IsWontDoLabel(string label) =>
            WontDoLabels.Contains(label.Trim().Replace('\u2019', '\''), StringComparer.OrdinalIgnoreCase);

        public void Dispose() => _http.Dispose();
    }
}
