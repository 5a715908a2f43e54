using System;
using System.Globalization;
using System.Text.Json;

namespace Postmortems.Trackers.Export
{
    /// <summary>
    /// One issue of <c>gh issue list --json number,url,state,stateReason,closedAt,...</c>: state OPEN or CLOSED, stateReason
    /// COMPLETED, NOT_PLANNED, DUPLICATE, REOPENED or empty, closedAt ISO 8601 or null (older gh wrote
    /// 0001-01-01T00:00:00Z for an open issue). The key, owner/repo#number, comes from the url.
    /// </summary>
    internal static class GitHubCliExport
    {
        public static TrackerIssue Issue(JsonElement e, string source, long line, string where)
        {
            var url = Text(e, "url", source, line, where)?.Trim();
            if (string.IsNullOrEmpty(url)) throw Problem(source, line, $"{where} has an empty url. Export it again: {TrackerExport.GitHubCommand}");
            var address = IssueAddress.Parse(url!);
            if (address is null || address.Kind != "issues")
            {
                var what = address?.Kind == "pull" ? "a pull request's address, and this reads issues" : "not a GitHub issue's address (https://github.com/OWNER/REPO/issues/NUMBER)";
                throw Problem(source, line, $"{where}: its url '{url}' is {what}. Export the issues with {TrackerExport.GitHubCommand}");
            }
            var key = address.Project + "#" + address.Number;
            var state = Text(e, "state", source, line, where);
            if (state is null)
            {
                throw Problem(source, line, $"{where} ({key}) has no state, so it cannot be told whether it is closed. Export it again with state among the fields: {TrackerExport.GitHubCommand}");
            }
            TrackerIssueState issueState;
            string? reason = null;
            DateTime? closedOn = null;
            switch (state.Trim().ToUpperInvariant())
            {
                case "OPEN":
                    issueState = TrackerIssueState.Open;
                    break;
                case "CLOSED":
                    // Without stateReason a closed issue could be done or not planned: taking it as done could close an
                    // item that was dropped, so the export is asked for again instead.
                    if (!e.TryGetProperty("stateReason", out var reasonValue))
                    {
                        throw Problem(source, line, $"{where} ({key}) is CLOSED, and the export has no stateReason, so it cannot be told whether it was completed or closed as not planned. " +
                            $"Export it again with stateReason among the fields: {TrackerExport.GitHubCommand}");
                    }
                    var why = reasonValue.ValueKind == JsonValueKind.String ? reasonValue.GetString()!.Trim().ToUpperInvariant() : string.Empty;
                    (issueState, reason) = why switch
                    {
                        "NOT_PLANNED" => (TrackerIssueState.WontDo, "closed as not planned"),
                        "DUPLICATE" => (TrackerIssueState.WontDo, "closed as a duplicate"),
                        _ => (TrackerIssueState.Done, (string?)null),
                    };
                    closedOn = IssueTime.Parse(Text(e, "closedAt", source, line, where), source, line, $"{where} ({key}): its closedAt");
                    break;
                default:
                    throw Problem(source, line, $"{where} ({key}) has the state '{state}', which is neither OPEN nor CLOSED as gh writes them. Export it again: {TrackerExport.GitHubCommand}");
            }
            return new TrackerIssue(address.Url, key, Text(e, "title", source, line, where) ?? string.Empty, issueState, closedOn, reason, Text(e, "body", source, line, where));
        }

        // A field's text; null when missing or null; a problem when it is of another kind (a number's text is its digits).
        internal static string? Text(JsonElement e, string name, string source, long line, string where)
        {
            if (!e.TryGetProperty(name, out var value)) return null;
            return value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null => null,
                JsonValueKind.Number => value.GetRawText(),
                _ => throw Problem(source, line, $"{where}: its {name} is not text but {(value.ValueKind == JsonValueKind.Array ? "a list" : value.ValueKind == JsonValueKind.Object ? "an object" : "true or false")}. Export it again, unchanged."),
            };
        }

        internal static TrackerExportException Problem(string source, long line, string problem) => new TrackerExportException(source, line, problem);
    }

    /// <summary>When an issue was closed, as the CLIs write it: ISO 8601, null, or the zero time Go writes for none.</summary>
    internal static class IssueTime
    {
        public static DateTime? Parse(string? text, string source, long line, string what)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (!DateTimeOffset.TryParse(text!.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) || !LooksIso(text))
            {
                throw new TrackerExportException(source, line, $"{what} '{text}' is not a time as ISO 8601 writes it (2026-12-01T15:15:00Z). Export it again, unchanged.");
            }
            // Go's zero time stands for "not closed".
            if (time.Year <= 1) return null;
            return time.UtcDateTime.Date;
        }

        private static bool LooksIso(string text)
        {
            var t = text.Trim();
            return t.Length >= 10 && char.IsDigit(t[0]) && char.IsDigit(t[1]) && char.IsDigit(t[2]) && char.IsDigit(t[3]) && t[4] == '-';
        }
    }

    /// <summary>An issue's web address taken apart: GitHub's HOST/OWNER/REPO/issues/N, GitLab's HOST/GROUP/.../PROJECT/-/issues/N.</summary>
    internal sealed class IssueAddress
    {
        private IssueAddress(string url, string project, string kind, string number)
        {
            Url = url;
            Project = project;
            Kind = kind;
            Number = number;
        }

        /// <summary>The address as written, without a trailing slash.</summary>
        public string Url { get; }

        /// <summary>owner/repo, or group/subgroup/project.</summary>
        public string Project { get; }

        /// <summary>issues, pull, merge_requests, work_items.</summary>
        public string Kind { get; }

        public string Number { get; }

        public static IssueAddress? Parse(string url)
        {
            if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)) return null;
            var segments = uri.AbsolutePath.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
            if (segments.Length < 4) return null;
            var number = segments[segments.Length - 1];
            var kind = segments[segments.Length - 2];
            if (number.Length == 0 || number.Length > 18 || !IsDigits(number)) return null;
            int projectEnd = segments.Length - 2;
            if (projectEnd > 0 && segments[projectEnd - 1] == "-") projectEnd--;
            if (projectEnd < 2) return null;
            var project = string.Join("/", segments, 0, projectEnd);
            return new IssueAddress(uri.GetLeftPart(UriPartial.Path).TrimEnd('/'), Uri.UnescapeDataString(project), kind.ToLowerInvariant(), number.TrimStart('0').Length == 0 ? "0" : number.TrimStart('0'));
        }

        private static bool IsDigits(string text)
        {
            foreach (var c in text)
            {
                if (c < '0' || c > '9') return false;
            }
            return true;
        }
    }
}
