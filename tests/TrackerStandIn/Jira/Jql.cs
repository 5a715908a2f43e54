using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Postmortems.TrackerStandIn;

/// <summary>A JQL query Jira would refuse with a 400; the message is the one that goes in errorMessages.</summary>
internal sealed class JqlException(string message) : Exception(message);

/// <summary>What a JQL clause can ask of an issue.</summary>
internal interface IJqlIssue
{
    long Id { get; }
    string Key { get; }
    int Number { get; }
    string ProjectKey { get; }
    long ProjectId { get; }
    string ProjectName { get; }
    string Summary { get; }
    string DescriptionText { get; }
    IReadOnlyList<string> LabelNames { get; }
    string StatusId { get; }
    string StatusName { get; }
    int CategoryId { get; }
    string CategoryKey { get; }
    string CategoryName { get; }
    string? ResolutionId { get; }
    string? ResolutionName { get; }
    string PriorityId { get; }
    string PriorityName { get; }
    string IssueTypeId { get; }
    string IssueTypeName { get; }
    DateTimeOffset Created { get; }
    DateTimeOffset Updated { get; }
    DateTimeOffset? ResolutionDate { get; }
    DateOnly? DueDate { get; }
}

/// <summary>What a JQL query's values are checked against: does a project, status, resolution... of that name exist.</summary>
internal interface IJqlSite
{
    bool Exists(string field, string value);
}

/// <summary>
/// The part of JQL a tracker sync uses: clauses on project, key, id, labels, text, summary, description, status,
/// statusCategory, resolution, priority, issuetype, created, updated, duedate and resolutiondate, joined with AND,
/// OR, NOT and parentheses, and ORDER BY. Functions (currentUser(), ...) and history operators (WAS, CHANGED) are
/// refused, as are fields the stand-in does not know.
/// </summary>
internal sealed class Jql
{
    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["project"] = "project", ["key"] = "key", ["issuekey"] = "key", ["id"] = "id", ["labels"] = "labels", ["label"] = "labels",
        ["text"] = "text", ["summary"] = "summary", ["description"] = "description", ["status"] = "status",
        ["statuscategory"] = "statusCategory", ["status category"] = "statusCategory", ["resolution"] = "resolution",
        ["priority"] = "priority", ["issuetype"] = "issuetype", ["type"] = "issuetype", ["created"] = "created",
        ["createddate"] = "created", ["updated"] = "updated", ["updateddate"] = "updated", ["duedate"] = "duedate", ["due"] = "duedate",
        ["resolutiondate"] = "resolutiondate", ["resolved"] = "resolutiondate",
    };

    private static readonly Dictionary<string, string[]> Operators = new()
    {
        ["text"] = ["~", "!~"], ["summary"] = ["~", "!~"], ["description"] = ["~", "!~", "is", "is not"],
        ["labels"] = ["=", "!=", "in", "not in", "is", "is not"],
        ["project"] = ["=", "!=", "in", "not in"], ["status"] = ["=", "!=", "in", "not in"],
        ["statusCategory"] = ["=", "!=", "in", "not in"], ["priority"] = ["=", "!=", "in", "not in"],
        ["issuetype"] = ["=", "!=", "in", "not in"], ["key"] = ["=", "!=", "in", "not in"], ["id"] = ["=", "!=", "in", "not in"],
        ["resolution"] = ["=", "!=", "in", "not in", "is", "is not"],
        ["created"] = ["=", "!=", ">", ">=", "<", "<="], ["updated"] = ["=", "!=", ">", ">=", "<", "<="],
        ["duedate"] = ["=", "!=", ">", ">=", "<", "<=", "is", "is not"], ["resolutiondate"] = ["=", "!=", ">", ">=", "<", "<=", "is", "is not"],
    };

    private static readonly string[] DateFormats = ["yyyy/MM/dd HH:mm", "yyyy-MM-dd HH:mm", "yyyy/MM/dd", "yyyy-MM-dd"];

    private Jql(Node? where, List<(string Field, bool Descending)> orderBy)
    {
        Where = where;
        OrderBy = orderBy;
    }

    public Node? Where { get; }

    public List<(string Field, bool Descending)> OrderBy { get; }

    /// <summary>Whether the query restricts the search (Jira refuses unbounded queries on /search/jql).</summary>
    public bool Bounded => Where is not null;

    internal abstract record Node;

    internal sealed record And(List<Node> Parts) : Node;

    internal sealed record Or(List<Node> Parts) : Node;

    internal sealed record Not(Node Inner) : Node;

    internal sealed record Value(string Text, bool Empty);

    internal sealed record Clause(string Field, string Operator, List<Value> Values) : Node;

    // ---------------------------------------------------------------- parsing

    private enum Kind { Word, String, Operator, Open, Close, Comma, End }

    private sealed record Token(Kind Kind, string Text, int Position);

    /// <summary>Parses <paramref name="jql"/>; throws <see cref="JqlException"/> with Jira's kind of message.</summary>
    public static Jql Parse(string jql) => new Parser(Tokenize(jql)).Query();

    private static List<Token> Tokenize(string jql)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < jql.Length)
        {
            char c = jql[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            int start = i;
            switch (c)
            {
                case '(': tokens.Add(new Token(Kind.Open, "(", start)); i++; continue;
                case ')': tokens.Add(new Token(Kind.Close, ")", start)); i++; continue;
                case ',': tokens.Add(new Token(Kind.Comma, ",", start)); i++; continue;
                case '"' or '\'':
                    {
                        var text = new StringBuilder();
                        i++;
                        while (i < jql.Length && jql[i] != c)
                        {
                            if (jql[i] == '\\' && i + 1 < jql.Length)
                            {
                                i++;
                                text.Append(jql[i] == 'n' ? '\n' : jql[i]);
                            }
                            else
                            {
                                text.Append(jql[i]);
                            }
                            i++;
                        }
                        if (i >= jql.Length) throw Error($"The quoted string starting at character {start + 1} is not closed.", start);
                        i++;
                        tokens.Add(new Token(Kind.String, text.ToString(), start));
                        continue;
                    }
            }
            var op = new[] { "!=", "!~", ">=", "<=", "=", "~", ">", "<" }.FirstOrDefault(o => string.CompareOrdinal(jql, i, o, 0, o.Length) == 0);
            if (op is not null)
            {
                tokens.Add(new Token(Kind.Operator, op, start));
                i += op.Length;
                continue;
            }
            while (i < jql.Length && !char.IsWhiteSpace(jql[i]) && "()=!~<>,\"'".IndexOf(jql[i]) < 0) i++;
            if (i == start) throw Error($"The character '{c}' is a reserved JQL character.", start);
            tokens.Add(new Token(Kind.Word, jql[start..i], start));
        }
        tokens.Add(new Token(Kind.End, "", jql.Length));
        return tokens;
    }

    private static JqlException Error(string detail, int position) =>
        new($"Error in the JQL Query: {detail} (line 1, character {position + 1})");

    private sealed class Parser(List<Token> tokens)
    {
        private int _next;

        private Token Peek => tokens[_next];

        private Token Take() => tokens[_next++];

        private bool IsWord(string word, int offset = 0) =>
            _next + offset < tokens.Count && tokens[_next + offset] is { Kind: Kind.Word } t && t.Text.Equals(word, StringComparison.OrdinalIgnoreCase);

        public Jql Query()
        {
            Node? where = null;
            if (Peek.Kind != Kind.End && !IsWord("order")) where = ParseOr();
            var order = new List<(string, bool)>();
            if (IsWord("order"))
            {
                Take();
                if (!IsWord("by")) throw Error($"Expecting 'by' but got '{Peek.Text}'.", Peek.Position);
                Take();
                do
                {
                    var field = Take();
                    if (field.Kind is not (Kind.Word or Kind.String)) throw Error($"Expecting a field name but got '{field.Text}'.", field.Position);
                    var name = Canonical(field);
                    bool descending = false;
                    if (IsWord("asc")) Take();
                    else if (IsWord("desc")) { Take(); descending = true; }
                    order.Add((name, descending));
                }
                while (Peek.Kind == Kind.Comma && Take() is not null);
            }
            if (Peek.Kind != Kind.End) throw Error($"Expecting either 'OR' or 'AND' but got '{Peek.Text}'.", Peek.Position);
            return new Jql(where, order);
        }

        private Node ParseOr()
        {
            var parts = new List<Node> { ParseAnd() };
            while (IsWord("or") || (Peek.Kind == Kind.Word && Peek.Text == "||"))
            {
                Take();
                parts.Add(ParseAnd());
            }
            return parts.Count == 1 ? parts[0] : new Or(parts);
        }

        private Node ParseAnd()
        {
            var parts = new List<Node> { ParseNot() };
            while (IsWord("and") || (Peek.Kind == Kind.Word && Peek.Text == "&&"))
            {
                Take();
                parts.Add(ParseNot());
            }
            return parts.Count == 1 ? parts[0] : new And(parts);
        }

        private Node ParseNot()
        {
            if (IsWord("not")) { Take(); return new Not(ParseNot()); }
            if (Peek.Kind == Kind.Open)
            {
                Take();
                var inner = ParseOr();
                if (Peek.Kind != Kind.Close) throw Error($"Expecting ')' but got '{Peek.Text}'.", Peek.Position);
                Take();
                return inner;
            }
            return ParseClause();
        }

        private Clause ParseClause()
        {
            var fieldToken = Take();
            if (fieldToken.Kind is not (Kind.Word or Kind.String)) throw Error($"Expecting a field name but got '{fieldToken.Text}'.", fieldToken.Position);
            var field = Canonical(fieldToken);
            string op;
            var at = Peek;
            if (Peek.Kind == Kind.Operator) op = Take().Text;
            else if (IsWord("in")) { Take(); op = "in"; }
            else if (IsWord("not") && IsWord("in", 1)) { Take(); Take(); op = "not in"; }
            else if (IsWord("is") && IsWord("not", 1)) { Take(); Take(); op = "is not"; }
            else if (IsWord("is")) { Take(); op = "is"; }
            else if (IsWord("was") || IsWord("changed")) throw Error($"The stand-in does not support the history operator '{Peek.Text}'.", Peek.Position);
            else throw Error($"Expecting operator but got '{Peek.Text}'.", Peek.Position);
            if (!Operators[field].Contains(op))
            {
                throw new JqlException($"The operator '{op.ToUpperInvariant()}' is not supported by the '{fieldToken.Text}' field.");
            }

            var values = new List<Value>();
            if (op is "in" or "not in")
            {
                if (Peek.Kind != Kind.Open) throw Error($"Expecting '(' but got '{Peek.Text}'.", Peek.Position);
                Take();
                values.Add(ParseValue());
                while (Peek.Kind == Kind.Comma)
                {
                    Take();
                    values.Add(ParseValue());
                }
                if (Peek.Kind != Kind.Close) throw Error($"Expecting ')' but got '{Peek.Text}'.", Peek.Position);
                Take();
            }
            else
            {
                var value = ParseValue();
                if (op is "is" or "is not" && !value.Empty) throw Error($"Expecting 'EMPTY' or 'NULL' but got '{value.Text}'.", at.Position);
                values.Add(value);
            }
            return new Clause(field, op, values);
        }

        private Value ParseValue()
        {
            var token = Take();
            if (token.Kind == Kind.String) return new Value(token.Text, false);
            if (token.Kind != Kind.Word) throw Error($"Expecting a value but got '{token.Text}'.", token.Position);
            if (Peek.Kind == Kind.Open) throw new JqlException($"Error in the JQL Query: the stand-in does not support the function '{token.Text}'.");
            bool empty = token.Text.Equals("empty", StringComparison.OrdinalIgnoreCase) || token.Text.Equals("null", StringComparison.OrdinalIgnoreCase);
            return new Value(token.Text, empty);
        }

        private static string Canonical(Token field) =>
            FieldNames.TryGetValue(field.Text, out var name) ? name
                : throw new JqlException($"Field '{field.Text}' does not exist or you do not have permission to view it.");
    }

    // ---------------------------------------------------------------- checking and evaluating

    /// <summary>Checks values against the site: projects, statuses, resolutions... that do not exist, and bad dates.</summary>
    public void Validate(IJqlSite site, DateTimeOffset now)
    {
        foreach (var clause in Clauses(Where))
        {
            foreach (var value in clause.Values.Where(v => !v.Empty))
            {
                switch (clause.Field)
                {
                    case "project" or "status" or "statusCategory" or "priority" or "issuetype":
                    case "resolution" when !value.Text.Equals("unresolved", StringComparison.OrdinalIgnoreCase):
                        if (!site.Exists(clause.Field, value.Text)) throw new JqlException($"The value '{value.Text}' does not exist for the field '{clause.Field}'.");
                        break;
                    case "key":
                        if (!site.Exists("key", value.Text)) throw new JqlException($"An issue with key '{value.Text}' does not exist for field 'key'.");
                        break;
                    case "id":
                        if (!long.TryParse(value.Text, NumberStyles.None, CultureInfo.InvariantCulture, out _)) throw new JqlException($"The issue id '{value.Text}' is not valid.");
                        break;
                    case "created" or "updated" or "duedate" or "resolutiondate":
                        if (ParseDate(value.Text, now) is null)
                        {
                            throw new JqlException($"Date value '{value.Text}' for field '{clause.Field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.");
                        }
                        break;
                }
            }
        }
    }

    private static IEnumerable<Clause> Clauses(Node? node) => node switch
    {
        Clause c => [c],
        And a => a.Parts.SelectMany(Clauses),
        Or o => o.Parts.SelectMany(Clauses),
        Not n => Clauses(n.Inner),
        _ => [],
    };

    public bool Matches(IJqlIssue issue, DateTimeOffset now) => Where is null || Evaluate(Where, issue, now);

    private static bool Evaluate(Node node, IJqlIssue issue, DateTimeOffset now) => node switch
    {
        And a => a.Parts.All(p => Evaluate(p, issue, now)),
        Or o => o.Parts.Any(p => Evaluate(p, issue, now)),
        Not n => !Evaluate(n.Inner, issue, now),
        Clause c => Evaluate(c, issue, now),
        _ => false,
    };

    private static bool Evaluate(Clause c, IJqlIssue issue, DateTimeOffset now)
    {
        switch (c.Field)
        {
            case "text":
                return Text(c, issue.Summary + "\n" + issue.DescriptionText);
            case "summary":
                return Text(c, issue.Summary);
            case "description":
                return c.Operator switch
                {
                    "is" => issue.DescriptionText.Length == 0,
                    "is not" => issue.DescriptionText.Length > 0,
                    _ => Text(c, issue.DescriptionText),
                };
            case "labels":
                return Multi(c, issue.LabelNames);
            case "resolution":
                return Single(c, issue.ResolutionName is null ? null : [issue.ResolutionName, issue.ResolutionId!], unresolvedIsEmpty: true);
            case "project":
                return Single(c, [issue.ProjectKey, issue.ProjectName, issue.ProjectId.ToString(CultureInfo.InvariantCulture)]);
            case "status":
                return Single(c, [issue.StatusName, issue.StatusId]);
            case "statusCategory":
                return Single(c, [issue.CategoryKey, issue.CategoryName, issue.CategoryId.ToString(CultureInfo.InvariantCulture)]);
            case "priority":
                return Single(c, [issue.PriorityName, issue.PriorityId]);
            case "issuetype":
                return Single(c, [issue.IssueTypeName, issue.IssueTypeId]);
            case "key":
                return Single(c, [issue.Key]);
            case "id":
                return Single(c, [issue.Id.ToString(CultureInfo.InvariantCulture)]);
            default:
                DateTimeOffset? actual = c.Field switch
                {
                    "created" => issue.Created,
                    "updated" => issue.Updated,
                    "resolutiondate" => issue.ResolutionDate,
                    _ => issue.DueDate is { } due ? new DateTimeOffset(due.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
                };
                return Date(c, actual, now);
        }
    }

    private static bool Text(Clause c, string text)
    {
        bool match = TextSearch.Matches(text, c.Values[0].Text);
        return c.Operator == "~" ? match : !match;
    }

    /// <summary>A single-valued field; <paramref name="names"/> are the spellings the issue's value answers to, null when empty.</summary>
    private static bool Single(Clause c, string[]? names, bool unresolvedIsEmpty = false)
    {
        bool Is(Value v) => v.Empty || (unresolvedIsEmpty && v.Text.Equals("unresolved", StringComparison.OrdinalIgnoreCase))
            ? names is null
            : names is not null && names.Any(n => n.Equals(v.Text, StringComparison.OrdinalIgnoreCase));
        return c.Operator switch
        {
            "=" or "in" or "is" => c.Values.Any(Is),
            // As in Jira, "!=" and "not in" leave out issues with no value unless EMPTY is among the values.
            _ => !c.Values.Any(Is) && (names is not null || c.Values.Any(v => v.Empty)),
        };
    }

    private static bool Multi(Clause c, IReadOnlyList<string> values)
    {
        bool Has(Value v) => v.Empty ? values.Count == 0 : values.Any(x => x.Equals(v.Text, StringComparison.OrdinalIgnoreCase));
        return c.Operator switch
        {
            "=" or "in" or "is" => c.Values.Any(Has),
            _ => !c.Values.Any(Has) && (values.Count > 0 || c.Values.Any(v => v.Empty)),
        };
    }

    private static bool Date(Clause c, DateTimeOffset? actual, DateTimeOffset now)
    {
        if (c.Operator is "is") return actual is null;
        if (c.Operator is "is not") return actual is not null;
        if (c.Values[0].Empty) return c.Operator == "=" ? actual is null : actual is not null;
        if (actual is null) return false;
        var wanted = ParseDate(c.Values[0].Text, now)!.Value;
        return c.Operator switch
        {
            "=" => actual == wanted,
            "!=" => actual != wanted,
            ">" => actual > wanted,
            ">=" => actual >= wanted,
            "<" => actual < wanted,
            _ => actual <= wanted,
        };
    }

    /// <summary>A JQL date: an absolute one (UTC here), or a period from now such as -5d, 2w, "4w 2d", -30m.</summary>
    private static DateTimeOffset? ParseDate(string text, DateTimeOffset now)
    {
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var absolute))
        {
            return new DateTimeOffset(absolute, TimeSpan.Zero);
        }
        var match = Regex.Match(text.Trim(), @"^([-+]?)((?:\d+[wdhm]\s*)+)$");
        if (!match.Success) return null;
        var span = TimeSpan.Zero;
        foreach (Match part in Regex.Matches(match.Groups[2].Value, @"(\d+)([wdhm])"))
        {
            int n = int.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            span += part.Groups[2].Value switch
            {
                "w" => TimeSpan.FromDays(7 * n),
                "d" => TimeSpan.FromDays(n),
                "h" => TimeSpan.FromHours(n),
                _ => TimeSpan.FromMinutes(n),
            };
        }
        return match.Groups[1].Value == "-" ? now - span : now + span;
    }

    /// <summary>Orders by ORDER BY (created, newest first, when there is none), then by id, newest first.</summary>
    public IEnumerable<T> Sort<T>(IEnumerable<T> issues) where T : IJqlIssue
    {
        var order = OrderBy.Count > 0 ? OrderBy : [("created", true)];
        IOrderedEnumerable<T>? sorted = null;
        foreach (var (field, descending) in order)
        {
            Func<T, IComparable?> key = field switch
            {
                "key" or "id" => i => (IComparable)(i.ProjectKey + "-" + i.Number.ToString("D12", CultureInfo.InvariantCulture)),
                "created" => i => i.Created,
                "updated" => i => i.Updated,
                "duedate" => i => i.DueDate,
                "resolutiondate" => i => i.ResolutionDate,
                "priority" => i => int.Parse(i.PriorityId, CultureInfo.InvariantCulture),
                "summary" => i => i.Summary,
                "status" => i => i.StatusName,
                "project" => i => i.ProjectKey,
                _ => throw new JqlException($"Field '{field}' does not support sorting in the stand-in."),
            };
            var comparer = Comparer<IComparable?>.Create((a, b) =>
                a is null ? (b is null ? 0 : 1) : b is null ? -1 : a.CompareTo(b));
            sorted = sorted is null
                ? descending ? issues.OrderByDescending(key, comparer) : issues.OrderBy(key, comparer)
                : descending ? sorted.ThenByDescending(key, comparer) : sorted.ThenBy(key, comparer);
        }
        return sorted!.ThenByDescending(i => i.Id);
    }
}
