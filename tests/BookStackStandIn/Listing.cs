using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Postmortems.BookStackStandIn;

/// <summary>
/// Comparisons as MariaDB does them on BookStack's columns: strings under utf8mb4_unicode_ci (case and
/// accents ignored, trailing spaces ignored by '=' and '&lt;' but not by LIKE), integer columns against
/// a string as numbers (the string's numeric prefix, else 0), dates as dates.
/// </summary>
internal static class Collation
{
    public static string Fold(string s)
    {
        string decomposed;
        try
        {
            decomposed = s.Normalize(NormalizationForm.FormD);
        }
        catch (Exception ex) when (ex is PlatformNotSupportedException or ArgumentException)
        {
            decomposed = s;
        }
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.ToUpperInvariant(c));
        }
        return sb.Replace("ß", "SS").ToString();
    }

    /// <summary>'=' and ordering under a PAD SPACE collation: trailing spaces do not count.</summary>
    public static int Compare(string a, string b) =>
        string.CompareOrdinal(Fold(a).TrimEnd(' '), Fold(b).TrimEnd(' '));

    public static bool Equal(string a, string b) => Compare(a, b) == 0;

    /// <summary>SQL LIKE: '%' any run, '_' one character, '\' escapes; case-insensitive, no padding.</summary>
    public static bool Like(string value, string pattern)
    {
        var re = new StringBuilder("^");
        var folded = Fold(pattern);
        for (int i = 0; i < folded.Length; i++)
        {
            char c = folded[i];
            if (c == '\\' && i + 1 < folded.Length) { re.Append(Regex.Escape(folded[++i].ToString())); continue; }
            if (c == '%') { re.Append(".*"); continue; }
            if (c == '_') { re.Append('.'); continue; }
            re.Append(Regex.Escape(c.ToString()));
        }
        re.Append('$');
        return Regex.IsMatch(Fold(value), re.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }
}

/// <summary>The value of one column of a listed row.</summary>
internal abstract record Column
{
    public sealed record Int(long Value) : Column;
    public sealed record Text(string Value) : Column;
    public sealed record Date(DateTime Value) : Column;

    public string AsSqlString() => this switch
    {
        Int i => i.Value.ToString(CultureInfo.InvariantCulture),
        Text t => t.Value,
        Date d => d.Value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        _ => "",
    };
}

/// <summary>BookStack's ListingResponseBuilder: filter, count the total, sort, then apply offset and count.</summary>
internal static class Listing
{
    private static readonly Dictionary<string, string> Operators = new(StringComparer.Ordinal)
    {
        ["eq"] = "=", ["ne"] = "!=", ["gt"] = ">", ["lt"] = "<", ["gte"] = ">=", ["lte"] = "<=", ["like"] = "like",
    };

    public static (List<T> Rows, int Total) Apply<T>(IEnumerable<T> rows, PhpArray query, string[] fields, Func<T, string, Column> get, Func<T, int> id)
    {
        var filtered = rows;
        if (query.GetOrNull("filter") is PhpArray filters)
        {
            foreach (var (key, rawValue) in filters)
            {
                var split = key.Split(':');
                var field = split[0];
                var op = split.Length > 1 ? split[1] : "eq";
                if (!fields.Contains(field)) continue;
                if (!Operators.TryGetValue(op, out var sqlOp)) sqlOp = "=";
                var value = FilterValue(rawValue);
                var capturedField = field;
                filtered = filtered.Where(r => Matches(get(r, capturedField), sqlOp, value)).ToList();
            }
        }
        var list = filtered.ToList();
        int total = list.Count;

        var sortRaw = query.GetOrNull("sort") as string ?? "";
        bool descending = sortRaw.StartsWith('-');
        var sortName = sortRaw.TrimStart('+', '-', ' ');
        if (!fields.Contains(sortName)) sortName = fields[0];
        Comparison<T> comparison = (a, b) =>
        {
            int c = CompareColumns(get(a, sortName), get(b, sortName));
            if (descending) c = -c;
            return c != 0 ? c : id(a).CompareTo(id(b));
        };
        list.Sort(comparison);

        long offset = Math.Max(0, Php.IntVal(query.GetOrNull("offset") ?? 0L));
        long count = ClampCount(query.TryGetValue("count", out var c) ? c : null);
        var page = list.Skip((int)Math.Min(offset, int.MaxValue)).Take((int)count).ToList();
        return (page, total);
    }

    /// <summary>max(min(500, $count), 1) with PHP 8's comparison rules, then the (int) cast of Builder::take.</summary>
    public static long ClampCount(object? raw, long defaultCount = 100, long maxCount = 500)
    {
        object value = raw ?? defaultCount;
        object min = PhpCompare(maxCount, value) <= 0 ? maxCount : value;
        object max = PhpCompare(1, min) >= 0 ? 1L : min;
        return Math.Max(0, Php.IntVal(max));
    }

    private static int PhpCompare(long a, object b) => b switch
    {
        long l => a.CompareTo(l),
        double d => ((double)a).CompareTo(d),
        string s when Php.IsNumericString(s) => ((double)a).CompareTo(Php.MySqlToDouble(s)),
        string s => Math.Sign(string.CompareOrdinal(a.ToString(CultureInfo.InvariantCulture), s)),
        PhpArray => -1,
        bool bo => (a != 0).CompareTo(bo),
        _ => 1,
    };

    private static string FilterValue(object? raw) => raw switch
    {
        string s => s,
        PhpArray a => a.Values.OfType<string>().FirstOrDefault() ?? "",
        null => "",
        _ => Php.ToStringForStringParameter(raw, "where"),
    };

    private static bool Matches(Column column, string op, string value)
    {
        if (op == "like") return Collation.Like(column.AsSqlString(), value);
        int c;
        switch (column)
        {
            case Column.Int i:
                c = ((double)i.Value).CompareTo(Php.MySqlToDouble(value));
                break;
            case Column.Text t:
                c = Collation.Compare(t.Value, value);
                break;
            case Column.Date d:
                c = TryParseSqlDate(value, out var when)
                    ? d.Value.CompareTo(when)
                    : string.CompareOrdinal(column.AsSqlString(), value);
                break;
            default:
                return false;
        }
        return op switch
        {
            "=" => c == 0,
            "!=" => c != 0,
            ">" => c > 0,
            "<" => c < 0,
            ">=" => c >= 0,
            "<=" => c <= 0,
            _ => false,
        };
    }

    private static bool TryParseSqlDate(string value, out DateTime when) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out when);

    private static int CompareColumns(Column a, Column b) => (a, b) switch
    {
        (Column.Int x, Column.Int y) => x.Value.CompareTo(y.Value),
        (Column.Text x, Column.Text y) => Collation.Compare(x.Value, y.Value),
        (Column.Date x, Column.Date y) => x.Value.CompareTo(y.Value),
        _ => 0,
    };
}
