using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Postmortems.TrackerStandIn;

/// <summary>
/// The Atlassian Document Format as far as the stand-in needs it: is a value a document, what text does it hold,
/// and a document of plain paragraphs for issues a person writes.
/// </summary>
internal static class Adf
{
    private static readonly HashSet<string> BlockTypes =
    [
        "paragraph", "heading", "bulletList", "orderedList", "listItem", "codeBlock", "blockquote", "panel", "rule",
        "table", "tableRow", "tableCell", "tableHeader", "mediaSingle", "mediaGroup", "taskList", "taskItem", "decisionList",
        "decisionItem", "expand", "nestedExpand",
    ];

    /// <summary>A top-level document: {"type": "doc", "version": 1, "content": [nodes with a type]}.</summary>
    public static bool IsDocument(JsonNode? node) =>
        node is JsonObject doc
        && Http.AsString(doc["type"]) == "doc"
        && doc["version"] is JsonValue version && version.GetValueKind() == JsonValueKind.Number && version.ToJsonString() == "1"
        && doc["content"] is JsonArray content
        && content.All(WellFormed);

    private static bool WellFormed(JsonNode? node) =>
        node is JsonObject o
        && Http.AsString(o["type"]) is { Length: > 0 } type
        && (type != "text" || Http.IsString(o["text"]))
        && (o["content"] is null || (o["content"] is JsonArray children && children.All(WellFormed)));

    /// <summary>The document's text: text nodes joined, a line break after each block.</summary>
    public static string PlainText(JsonNode? node)
    {
        var text = new StringBuilder();
        Append(node, text);
        return text.ToString().TrimEnd('\n');
    }

    private static void Append(JsonNode? node, StringBuilder text)
    {
        if (node is not JsonObject o) return;
        var type = Http.AsString(o["type"]);
        if (type == "text") text.Append(Http.AsString(o["text"]));
        if (type == "hardBreak") text.Append('\n');
        if (o["content"] is JsonArray children)
        {
            foreach (var child in children) Append(child, text);
        }
        if (type is not null && BlockTypes.Contains(type) && (text.Length == 0 || text[^1] != '\n')) text.Append('\n');
    }

    /// <summary>A document with one paragraph per line of <paramref name="text"/>.</summary>
    public static JsonObject FromText(string text) => new()
    {
        ["type"] = "doc",
        ["version"] = 1,
        ["content"] = new JsonArray([.. text.Replace("\r\n", "\n").Split('\n').Select(line => (JsonNode?)new JsonObject
        {
            ["type"] = "paragraph",
            ["content"] = line.Length == 0 ? new JsonArray() : new JsonArray(new JsonObject { ["type"] = "text", ["text"] = line }),
        })]),
    };
}
