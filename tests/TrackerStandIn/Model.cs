using System.Text;

namespace Postmortems.TrackerStandIn;

/// <summary>
/// One issue as a test sees it, whatever the tracker: <see cref="Key"/> is GitHub's number, GitLab's iid or Jira's
/// key; <see cref="State"/> is the tracker's own word (open/closed, opened/closed, or the Jira status name);
/// <see cref="Reason"/> is GitHub's state_reason or Jira's resolution name (GitLab has none).
/// </summary>
public sealed record IssueState(
    Tracker Tracker,
    string Project,
    string Key,
    string Title,
    string? Body,
    string State,
    bool Closed,
    string? Reason,
    IReadOnlyList<string> Labels,
    string? DueDate,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    string WebUrl,
    bool Deleted);

/// <summary>One request the stand-in received (control requests excluded).</summary>
public sealed record LoggedRequest(
    string Method,
    string PathAndQuery,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    int Status,
    bool Dropped,
    DateTimeOffset ReceivedAt);

/// <summary>
/// Word search as the trackers' search engines do it, roughly: text is cut into lower-case runs of letters and
/// digits; a query matches when each of its words is among the text's words, or, for a phrase in double quotes,
/// when the words follow each other. Not a substring match: "pm7f3a" does not find "pm7f3a9c".
/// </summary>
internal static class TextSearch
{
    public static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text)) return words;
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0) words.Add(current.ToString());
        return words;
    }

    /// <summary>Whether the text holds every word of <paramref name="term"/>, or the phrase when it is quoted.</summary>
    public static bool Matches(string? text, string term)
    {
        var trimmed = term.Trim();
        bool phrase = trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"';
        var wanted = Words(phrase ? trimmed[1..^1] : trimmed);
        if (wanted.Count == 0) return true;
        var words = Words(text);
        if (!phrase) return wanted.All(words.Contains);
        for (int start = 0; start + wanted.Count <= words.Count; start++)
        {
            int i = 0;
            while (i < wanted.Count && words[start + i] == wanted[i]) i++;
            if (i == wanted.Count) return true;
        }
        return false;
    }
}
