using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Postmortems.BookStackStandIn;

/// <summary>
/// BookStack's search syntax (SearchOptions::fromString) and a simplified SearchRunner: terms match
/// indexed words by prefix and are scored (name x40, tag names x3, tag values x5, body x1); "exact
/// phrases" match the name or text; [name], [name=value] and the other tag operators filter by tag;
/// {type:page|chapter|book}, {in_name:x} and {in_body:x} filter; a leading '-' negates. Other filters
/// are ignored, as BookStack ignores unknown ones.
/// </summary>
internal static partial class Search
{
    public const string Delimiters = " \n\t.,!?:;()[]{}<>`'\"";
    private const string SoftDelimiters = ".-";

    public sealed record Option(string Value, bool Negated);

    public sealed class Query
    {
        public List<string> Terms { get; } = [];
        public List<Option> Exacts { get; } = [];
        public List<Option> Tags { get; } = [];
        public List<(string Key, string Value, bool Negated)> Filters { get; } = [];
    }

    public static Query Parse(string search)
    {
        var q = new Query();
        foreach (Match m in ExactPattern().Matches(search)) q.Exacts.Add(new Option(DecodeEscapes(m.Groups[1].Value), m.Value.StartsWith('-')));
        search = ExactPattern().Replace(search, "");
        foreach (Match m in TagPattern().Matches(search)) q.Tags.Add(new Option(m.Groups[1].Value, m.Value.StartsWith('-')));
        search = TagPattern().Replace(search, "");
        foreach (Match m in FilterPattern().Matches(search))
        {
            var content = m.Groups[1].Value;
            int colon = content.IndexOf(':');
            var key = colon >= 0 ? content[..colon] : content;
            var value = colon >= 0 ? content[(colon + 1)..] : "";
            q.Filters.Add((key, value, m.Value.StartsWith('-')));
        }
        search = FilterPattern().Replace(search, "");

        var hard = Delimiters.Where(c => !SoftDelimiters.Contains(c)).ToArray();
        foreach (var term in search.Split(' '))
        {
            if (term.Length == 0) continue;
            if (term.IndexOfAny(hard) >= 0) q.Exacts.Add(new Option(term, false));
            else q.Terms.Add(term);
        }
        return q;
    }

    private static string DecodeEscapes(string input)
    {
        var sb = new StringBuilder();
        bool escaping = false;
        foreach (var c in input)
        {
            if (escaping) { sb.Append(c); escaping = false; }
            else if (c == '\\') escaping = true;
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>The term map BookStack's SearchIndex stores for an entity.</summary>
    public static Dictionary<string, double> Index(Entity entity)
    {
        var terms = new Dictionary<string, double>(StringComparer.Ordinal);
        void Add(string text, double factor)
        {
            foreach (var (term, count) in Tokenize(text)) terms[term] = terms.GetValueOrDefault(term) + Math.Floor(count * factor);
        }
        Add(entity.Name, 40);
        switch (entity)
        {
            case Page p: Add(p.Text, 1); break;
            case Chapter c: Add(c.Description, 1); break;
            case Book b: Add(b.Description, 1); break;
        }
        Add(string.Join(' ', entity.Tags.Select(t => t.Name)), 3);
        Add(string.Join(' ', entity.Tags.Select(t => t.Value)), 5);
        return terms;
    }

    private static Dictionary<string, int> Tokenize(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var raw in text.Split(Delimiters.ToCharArray(), StringSplitOptions.RemoveEmptyEntries))
        {
            var term = raw.ToLowerInvariant();
            if (term.Length > 180) term = term[..180];
            counts[term] = counts.GetValueOrDefault(term) + 1;
            if (term.IndexOfAny(SoftDelimiters.ToCharArray()) >= 0)
            {
                foreach (var part in term.Split(SoftDelimiters.ToCharArray(), StringSplitOptions.RemoveEmptyEntries))
                {
                    counts[part] = counts.GetValueOrDefault(part) + 1;
                }
            }
        }
        return counts;
    }

    /// <summary>The score of an entity for the query's terms, or null when terms were given and none matched.</summary>
    public static double? Score(Entity entity, Query q)
    {
        if (q.Terms.Count == 0) return 0;
        double score = 0;
        bool any = false;
        foreach (var (term, termScore) in entity.Terms)
        {
            foreach (var input in q.Terms)
            {
                if (Collation.Like(term, input.Replace("\\", "\\\\") + "%"))
                {
                    score += termScore;
                    any = true;
                    break;
                }
            }
        }
        return any ? score : null;
    }

    public static bool MatchesFilters(Entity entity, Query q, string textOf)
    {
        foreach (var exact in q.Exacts)
        {
            var pattern = "%" + exact.Value.Replace("\\", "\\\\") + "%";
            bool hit = Collation.Like(entity.Name, pattern) || Collation.Like(textOf, pattern);
            if (hit == exact.Negated) return false;
        }
        foreach (var tag in q.Tags)
        {
            bool hit = entity.Tags.Any(t => TagMatches(t, tag.Value));
            if (hit == tag.Negated) return false;
        }
        foreach (var (key, value, negated) in q.Filters)
        {
            bool? hit = key switch
            {
                "in_name" => Collation.Like(entity.Name, "%" + value + "%"),
                "in_body" => Collation.Like(textOf, "%" + value + "%"),
                _ => null,
            };
            if (hit is { } h && h == negated) return false;
        }
        return true;
    }

    private static bool TagMatches(Tag tag, string option)
    {
        var m = TagParts().Match(option);
        var name = m.Groups[1].Value;
        var op = m.Groups[3].Success && m.Groups[3].Value.Length > 0 ? m.Groups[3].Value : "=";
        var value = m.Groups[4].Success ? m.Groups[4].Value : "";
        if (!m.Groups[3].Success || m.Groups[3].Value.Length == 0 || Php.Empty(value))
        {
            return Collation.Equal(tag.Name, name);
        }
        if (name.Length > 0 && !Collation.Equal(tag.Name, name)) return false;
        if (Php.IsNumericString(value) && op != "like")
        {
            var left = Php.MySqlToDouble(tag.Value);
            var right = double.Parse(Php.NumericPrefix(value), CultureInfo.InvariantCulture);
            return Compare(left.CompareTo(right), op);
        }
        if (op == "like") return Collation.Like(tag.Value, value.Replace("\\", "\\\\"));
        return Compare(Collation.Compare(tag.Value, value), op);
    }

    private static bool Compare(int c, string op) => op switch
    {
        "=" => c == 0,
        "!=" => c != 0,
        "<" => c < 0,
        ">" => c > 0,
        "<=" => c <= 0,
        ">=" => c >= 0,
        _ => false,
    };

    /// <summary>The name or text with every match of the terms wrapped in strong tags, HTML-escaped.</summary>
    public static string Preview(string content, IReadOnlyList<string> terms, int targetLength)
    {
        var escapedTerms = terms.Where(t => t.Length > 0).Select(Regex.Escape).ToList();
        string text = content;
        if (targetLength > 0 && text.Length > targetLength)
        {
            int first = -1;
            foreach (var t in terms)
            {
                int at = text.IndexOf(t, StringComparison.OrdinalIgnoreCase);
                if (at >= 0 && (first < 0 || at < first)) first = at;
            }
            int start = Math.Max(0, first < 0 ? 0 : first - 30);
            text = (start > 0 ? "..." : "") + text.Substring(start, Math.Min(targetLength, text.Length - start)) + "...";
        }
        if (escapedTerms.Count == 0) return WebUtility.HtmlEncode(text);
        var re = new Regex("(" + string.Join("|", escapedTerms) + ")", RegexOptions.IgnoreCase);
        var sb = new StringBuilder();
        int last = 0;
        foreach (Match m in re.Matches(text))
        {
            sb.Append(WebUtility.HtmlEncode(text[last..m.Index])).Append("<strong>").Append(WebUtility.HtmlEncode(m.Value)).Append("</strong>");
            last = m.Index + m.Length;
        }
        sb.Append(WebUtility.HtmlEncode(text[last..]));
        return sb.ToString();
    }

    [GeneratedRegex(@"-?""((?:\\.|[^""\\])*)""")]
    private static partial Regex ExactPattern();

    [GeneratedRegex(@"-?\[(.*?)\]")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"-?\{(.*?)\}")]
    private static partial Regex FilterPattern();

    [GeneratedRegex(@"^(.*?)((<=|>=|=|<|>|like|!=)(.*?))?$", RegexOptions.Singleline)]
    private static partial Regex TagParts();
}
