using System;
using System.Text;
using System.Text.Json;

namespace Postmortems.Trackers.Export
{
    /// <summary>
    /// One issue of <c>glab issue list --output json</c>, GitLab's REST issue as it is: state opened or closed, web_url,
    /// iid, closed_at, labels (names, or objects with a name), description, references.full (group/project#7). GitLab
    /// has no close reason: an issue closed with a "won't do" label (won't do, won't fix, not planned, declined; scoped
    /// as resolution::won't do too) will not be done; any other closed issue is done.
    /// </summary>
    internal static class GitLabCliExport
    {
        private static readonly string[] WontDoLabels = { "wontdo", "wontfix", "notplanned", "declined" };

        public static TrackerIssue Issue(JsonElement e, string source, long line, string where)
        {
            var url = GitHubCliExport.Text(e, "web_url", source, line, where)?.Trim();
            if (string.IsNullOrEmpty(url)) throw GitHubCliExport.Problem(source, line, $"{where} has an empty web_url. Export it again: {TrackerExport.GitLabCommand}");
            var address = IssueAddress.Parse(url!);
            if (address is null || (address.Kind != "issues" && address.Kind != "work_items"))
            {
                var what = address?.Kind == "merge_requests" ? "a merge request's address, and this reads issues" : "not a GitLab issue's address (https://gitlab.com/GROUP/PROJECT/-/issues/NUMBER)";
                throw GitHubCliExport.Problem(source, line, $"{where}: its web_url '{url}' is {what}. Export the issues with {TrackerExport.GitLabCommand}");
            }
            var key = References(e) ?? address.Project + "#" + address.Number;
            var state = GitHubCliExport.Text(e, "state", source, line, where);
            if (state is null)
            {
                throw GitHubCliExport.Problem(source, line, $"{where} ({key}) has no state, so it cannot be told whether it is closed. Export it again: {TrackerExport.GitLabCommand}");
            }
            TrackerIssueState issueState;
            string? reason = null;
            DateTime? closedOn = null;
            switch (state.Trim().ToLowerInvariant())
            {
                case "opened":
                case "reopened":
                case "locked":
                    issueState = TrackerIssueState.Open;
                    break;
                case "closed":
                    var label = WontDoLabel(e);
                    (issueState, reason) = label is null ? (TrackerIssueState.Done, (string?)null) : (TrackerIssueState.WontDo, $"closed with the label {label}");
                    closedOn = IssueTime.Parse(GitHubCliExport.Text(e, "closed_at", source, line, where), source, line, $"{where} ({key}): its closed_at");
                    break;
                default:
                    throw GitHubCliExport.Problem(source, line, $"{where} ({key}) has the state '{state}', which is neither opened nor closed as GitLab writes them. Export it again: {TrackerExport.GitLabCommand}");
            }
            return new TrackerIssue(address.Url, key, GitHubCliExport.Text(e, "title", source, line, where) ?? string.Empty, issueState, closedOn, reason,
                GitHubCliExport.Text(e, "description", source, line, where));
        }

        private static string? References(JsonElement e) =>
            e.TryGetProperty("references", out var references) && references.ValueKind == JsonValueKind.Object
            && references.TryGetProperty("full", out var full) && full.ValueKind == JsonValueKind.String && full.GetString()!.IndexOf('#') > 0
                ? full.GetString()!.Trim()
                : null;

        private static string? WontDoLabel(JsonElement e)
        {
            if (!e.TryGetProperty("labels", out var labels) || labels.ValueKind != JsonValueKind.Array) return null;
            foreach (var label in labels.EnumerateArray())
            {
                var name = label.ValueKind == JsonValueKind.String ? label.GetString()
                    : label.ValueKind == JsonValueKind.Object && label.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()
                    : null;
                if (name is null) continue;
                var scoped = name.LastIndexOf("::", StringComparison.Ordinal);
                var letters = new StringBuilder();
                foreach (var c in scoped >= 0 ? name.Substring(scoped + 2) : name)
                {
                    if (char.IsLetter(c)) letters.Append(char.ToLowerInvariant(c));
                }
                if (Array.IndexOf(WontDoLabels, letters.ToString()) >= 0) return name;
            }
            return null;
        }
    }
}
