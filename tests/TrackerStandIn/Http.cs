using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Postmortems.TrackerStandIn;

/// <summary>The three trackers the stand-in serves, each under its own path prefix.</summary>
public enum Tracker
{
    GitHub,
    GitLab,
    Jira,
}

/// <summary>One request as received: the raw target (percent-encoding kept, so GitLab's %2F survives), headers, body.</summary>
internal sealed record Incoming(string Method, string RawTarget, string Path, string QueryString, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    private Query? _query;

    public Query Query => _query ??= Query.Parse(QueryString);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string BodyText => Encoding.UTF8.GetString(Body);

    public bool HasJsonContentType =>
        Header("Content-Type") is { } type && (type.Contains("/json", StringComparison.OrdinalIgnoreCase) || type.Contains("+json", StringComparison.OrdinalIgnoreCase));

    public bool HasFormContentType =>
        Header("Content-Type") is { } type && type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A query string as an ordered list of pairs (keys may repeat: GitLab's iids[]).</summary>
internal sealed class Query
{
    private readonly List<(string Key, string Value)> _pairs;

    private Query(List<(string Key, string Value)> pairs) => _pairs = pairs;

    public static Query Parse(string queryString)
    {
        var pairs = new List<(string, string)>();
        foreach (var part in queryString.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=');
            string key = eq >= 0 ? part[..eq] : part;
            string value = eq >= 0 ? part[(eq + 1)..] : "";
            pairs.Add((Decode(key), Decode(value)));
        }
        return new Query(pairs);
    }

    /// <summary>Form and query decoding: '+' is a space, then percent-decoding.</summary>
    public static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));

    public IReadOnlyList<(string Key, string Value)> Pairs => _pairs;

    public bool Has(string key) => _pairs.Any(p => p.Key == key);

    /// <summary>The last value given for the key, as frameworks keep it, or null.</summary>
    public string? Get(string key)
    {
        for (int i = _pairs.Count - 1; i >= 0; i--)
        {
            if (_pairs[i].Key == key) return _pairs[i].Value;
        }
        return null;
    }

    public IEnumerable<string> GetAll(string key) => _pairs.Where(p => p.Key == key).Select(p => p.Value);

    /// <summary>This query with <paramref name="key"/> set to <paramref name="value"/> (replaced in place, or appended).</summary>
    public string With(string key, string value)
    {
        var pairs = new List<(string Key, string Value)>();
        bool placed = false;
        foreach (var pair in _pairs)
        {
            if (pair.Key != key)
            {
                pairs.Add(pair);
            }
            else if (!placed)
            {
                pairs.Add((key, value));
                placed = true;
            }
        }
        if (!placed) pairs.Add((key, value));
        return string.Join("&", pairs.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
    }
}

/// <summary>What the stand-in answers.</summary>
internal sealed class Response(int status, byte[] body, string? contentType)
{
    public static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public int Status { get; } = status;
    public byte[] Body { get; } = body;
    public string? ContentType { get; } = contentType;
    public List<KeyValuePair<string, string>> Headers { get; } = [];

    public Response WithHeader(string name, string value)
    {
        Headers.RemoveAll(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
        Headers.Add(new(name, value));
        return this;
    }

    public Response WithHeader(string name, long value) => WithHeader(name, value.ToString(CultureInfo.InvariantCulture));

    public string? Header(string name) => Headers.LastOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public static Response Json(int status, JsonNode? node, string contentType = "application/json; charset=utf-8") =>
        new(status, Encoding.UTF8.GetBytes(node?.ToJsonString(JsonOptions) ?? "null"), contentType);

    public static Response Text(int status, string text, string contentType = "text/plain; charset=utf-8") =>
        new(status, Encoding.UTF8.GetBytes(text), contentType);

    public static Response Empty(int status) => new(status, [], null);

    /// <summary>A body given by a test, with a content type guessed when none is given: '&lt;' HTML, '{' or '[' JSON, else text.</summary>
    public static Response Raw(int status, string body, string? contentType)
    {
        if (contentType is null)
        {
            var t = body.TrimStart();
            contentType = t.StartsWith('<') ? "text/html; charset=utf-8"
                : t.StartsWith('{') || t.StartsWith('[') ? "application/json; charset=utf-8"
                : "text/plain; charset=utf-8";
        }
        return new Response(status, Encoding.UTF8.GetBytes(body), contentType);
    }
}

/// <summary>Helpers shared by the three APIs.</summary>
internal static class Http
{
    /// <summary>An RFC 8288 Link header value from (url, rel) pairs, in the order given.</summary>
    public static string LinkHeader(IEnumerable<(string Url, string Rel)> links) =>
        string.Join(", ", links.Select(l => $"<{l.Url}>; rel=\"{l.Rel}\""));

    /// <summary>A JSON body, or null when the body is empty; throws JsonException when it does not parse.</summary>
    public static JsonNode? ParseJson(byte[] body)
    {
        if (body.Length == 0) return null;
        return JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
    }

    /// <summary>A JSON string value, or null when the node is missing, null or not a string.</summary>
    public static string? AsString(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static bool IsString(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String;

    public static bool IsNull(JsonObject obj, string name) => obj.TryGetPropertyValue(name, out var node) && node is null;

    /// <summary>An integer query parameter, or the fallback when absent or not a whole number.</summary>
    public static int IntParam(Query query, string name, int fallback) =>
        query.Get(name) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string IsoMillis(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>RFC 1123, as HTTP dates are written.</summary>
    public static string HttpDate(DateTimeOffset t) => t.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);

    public static JsonArray Array(IEnumerable<JsonNode?> items) => new([.. items]);

    public static JsonArray Strings(IEnumerable<string> items) => new([.. items.Select(s => (JsonNode?)JsonValue.Create(s))]);
}
