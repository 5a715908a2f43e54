using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Postmortems.TrackerStandIn;

/// <summary>The control surface under /_standin/: seeding, a person's actions, faults, settings, the clock, state and the log.</summary>
public sealed partial class TrackerServer
{
    private Response Control(Incoming incoming)
    {
        try
        {
            var route = incoming.Path.TrimEnd('/');
            JsonObject input = [];
            if (incoming.Body.Length > 0)
            {
                try
                {
                    input = JsonNode.Parse(incoming.Body) as JsonObject ?? throw new ArgumentException("Send a JSON object.");
                }
                catch (JsonException ex)
                {
                    return ControlError(400, "The body is not JSON: " + ex.Message);
                }
            }
            switch (incoming.Method, route)
            {
                case ("GET", "/_standin"):
                    return ControlJson(new JsonObject
                    {
                        ["baseUri"] = BaseUri.ToString(),
                        ["github"] = GitHubApiRoot,
                        ["gitlab"] = GitLabUrl,
                        ["jira"] = JiraUrl,
                    });
                case ("POST", "/_standin/reset"):
                    Reset();
                    return ControlJson(new JsonObject { ["reset"] = true });
                case ("GET", "/_standin/state"):
                    return ControlJson(new JsonObject { ["issues"] = Http.Array(Issues.Select(s => (JsonNode?)StateJson(s))) });
                case ("GET", "/_standin/requests"):
                    return ControlJson(RequestsJson(Requests));
                case ("DELETE", "/_standin/requests"):
                    ClearLog();
                    return ControlJson(new JsonObject { ["cleared"] = true });
                case ("POST", "/_standin/faults"):
                    return AddFaultFromJson(input);
                case ("DELETE", "/_standin/faults"):
                    ClearFaults();
                    return ControlJson(new JsonObject { ["cleared"] = true });
                case ("GET", "/_standin/settings"):
                    return ControlJson(SettingsJson());
                case ("POST", "/_standin/settings"):
                    return ApplySettings(input);
                case ("POST", "/_standin/clock"):
                    AdvanceClock(TimeSpan.FromSeconds(input["advanceSeconds"]?.GetValue<double>() ?? throw new ArgumentException("'advanceSeconds' is required.")));
                    return ControlJson(new JsonObject { ["now"] = Now.ToString("O", CultureInfo.InvariantCulture) });
                case ("POST", "/_standin/projects"):
                    TrackerOf(input).AddProjectFromJson(input);
                    return ControlJson(new JsonObject { ["added"] = Http.AsString(input["project"]) });
                case ("POST", "/_standin/credentials"):
                    TrackerOf(input).AddCredentialFromJson(input);
                    return ControlJson(new JsonObject { ["added"] = true });
                case ("POST", "/_standin/issues"):
                    {
                        var api = TrackerOf(input);
                        var project = TrackerApi.RequiredStringOf(input, "project");
                        var key = api.CreateIssueAsPerson(project, TrackerApi.RequiredStringOf(input, "title"), TrackerApi.OptionalStringOf(input, "body"),
                            TrackerApi.OptionalStringsOf(input, "labels"), TrackerApi.OptionalStringOf(input, "dueDate"));
                        return ControlJson(StateJson(api.Find(project, key)!));
                    }
                case ("POST", "/_standin/issues/close"):
                    return PersonAction(input, (api, project, issue) =>
                    {
                        var reason = TrackerApi.OptionalStringOf(input, "reason");
                        if (api is JiraApi jira) jira.Close(project, issue, reason, TrackerApi.OptionalStringOf(input, "status") ?? "Done");
                        else api.CloseAsPerson(project, issue, reason);
                    });
                case ("POST", "/_standin/issues/reopen"):
                    return PersonAction(input, (api, project, issue) => api.ReopenAsPerson(project, issue));
                case ("POST", "/_standin/issues/edit"):
                    return PersonAction(input, (api, project, issue) => api.EditAsPerson(project, issue, TrackerApi.OptionalStringOf(input, "title"),
                        TrackerApi.OptionalStringOf(input, "body"), TrackerApi.OptionalStringsOf(input, "labels"), TrackerApi.OptionalStringOf(input, "dueDate")));
                case ("POST", "/_standin/issues/delete"):
                    return PersonAction(input, (api, project, issue) => api.DeleteAsPerson(project, issue));
                case ("POST", "/_standin/issues/transition"):
                    return PersonAction(input, (api, project, issue) =>
                    {
                        if (api is not JiraApi jira) throw new ArgumentException("Only Jira issues move through workflow statuses; close or reopen the others.");
                        jira.TransitionAsPerson(issue, TrackerApi.RequiredStringOf(input, "status"), TrackerApi.OptionalStringOf(input, "resolution"));
                    });
                default:
                    return ControlError(404, $"No control endpoint {incoming.Method} {incoming.Path}. See the stand-in's README.md.");
            }
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or JsonException)
        {
            return ControlError(400, ex.Message);
        }
    }

    /// <summary>A person's action on one issue; Jira takes the project from the key when none is given. Answers the issue's state.</summary>
    private Response PersonAction(JsonObject input, Action<TrackerApi, string, string> action)
    {
        var api = TrackerOf(input);
        var issue = TrackerApi.RequiredStringOf(input, "issue");
        var project = TrackerApi.OptionalStringOf(input, "project")
            ?? (api is JiraApi && issue.Contains('-') ? issue[..issue.LastIndexOf('-')] : throw new ArgumentException("'project' is required."));
        action(api, project, issue);
        var state = api.Find(project, issue) ?? throw new ArgumentException($"No issue {issue} in {project}.");
        return ControlJson(StateJson(state));
    }

    private TrackerApi TrackerOf(JsonObject input) => Http.AsString(input["tracker"])?.ToLowerInvariant() switch
    {
        "github" => GitHub,
        "gitlab" => GitLab,
        "jira" => Jira,
        var other => throw new ArgumentException($"'tracker' is github, gitlab or jira, not '{other}'."),
    };

    private Response AddFaultFromJson(JsonObject input)
    {
        var kind = TrackerApi.RequiredStringOf(input, "kind");
        Tracker? tracker = input["tracker"] is null ? null : TrackerOf(input).Tracker;
        int count = input["count"]?.GetValue<int>() ?? 1;
        var method = TrackerApi.OptionalStringOf(input, "method");
        var pathPrefix = TrackerApi.OptionalStringOf(input, "pathPrefix");
        int? retryAfter = input["retryAfterSeconds"]?.GetValue<int>();
        switch (kind)
        {
            case "fail":
                FailNext(input["status"]?.GetValue<int>() ?? throw new ArgumentException("'status' is required."), count, tracker, method, pathPrefix,
                    TrackerApi.OptionalStringOf(input, "body"), TrackerApi.OptionalStringOf(input, "contentType"),
                    input["afterProcessing"]?.GetValue<bool>() ?? false, retryAfter);
                break;
            case "rateLimit":
                if (tracker is null) throw new ArgumentException("A rateLimit fault needs 'tracker': each tracker answers in its own way.");
                RateLimitNext(tracker.Value, input.ContainsKey("retryAfterSeconds") ? retryAfter : 60, count, TrackerApi.OptionalStringOf(input, "style"),
                    input["status"]?.GetValue<int>(), method, pathPrefix);
                break;
            case "drop":
                DropNext(count, tracker, method, pathPrefix, input["afterProcessing"]?.GetValue<bool>() ?? false);
                break;
            case "delay":
                DelayNext(TimeSpan.FromMilliseconds(input["milliseconds"]?.GetValue<int>() ?? throw new ArgumentException("'milliseconds' is required.")),
                    count, tracker, method, pathPrefix);
                break;
            default:
                throw new ArgumentException($"Unknown fault kind '{kind}': use fail, rateLimit, drop or delay.");
        }
        return ControlJson(new JsonObject { ["added"] = kind });
    }

    private Response ApplySettings(JsonObject input)
    {
        foreach (var (key, value) in input)
        {
            if (key == "searchIndexLagSeconds")
            {
                SearchIndexLag = TimeSpan.FromSeconds(value?.GetValue<double>() ?? 0);
                continue;
            }
            if (!Trackers.Any(t => t.ApplySetting(key, value))) throw new ArgumentException($"Unknown setting '{key}'.");
        }
        return ControlJson(SettingsJson());
    }

    private JsonObject SettingsJson()
    {
        lock (Gate)
        {
            var settings = new JsonObject { ["searchIndexLagSeconds"] = _searchIndexLag.TotalSeconds };
            foreach (var tracker in Trackers) tracker.WriteSettings(settings);
            return settings;
        }
    }

    private static JsonObject StateJson(IssueState s) => new()
    {
        ["tracker"] = s.Tracker.ToString().ToLowerInvariant(),
        ["project"] = s.Project,
        ["issue"] = s.Key,
        ["title"] = s.Title,
        ["body"] = s.Body,
        ["state"] = s.State,
        ["closed"] = s.Closed,
        ["reason"] = s.Reason,
        ["labels"] = Http.Strings(s.Labels),
        ["dueDate"] = s.DueDate,
        ["createdAt"] = s.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
        ["updatedAt"] = s.UpdatedAt.ToString("O", CultureInfo.InvariantCulture),
        ["closedAt"] = s.ClosedAt?.ToString("O", CultureInfo.InvariantCulture),
        ["url"] = s.WebUrl,
        ["deleted"] = s.Deleted,
    };

    private static Response ControlJson(JsonNode node) => Response.Json(200, node, "application/json");

    private static Response ControlError(int status, string message) =>
        Response.Json(status, new JsonObject { ["error"] = message }, "application/json");
}
