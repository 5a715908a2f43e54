using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Postmortems.BookStackStandIn;

/// <summary>
/// Request input the way PHP and Laravel see it: a PHP array is an ordered map (JSON objects and
/// JSON arrays both become one), scalars are string, long, double, bool or null.
/// </summary>
internal sealed class PhpArray : OrderedDictionary<string, object?>
{
    public PhpArray() : base(StringComparer.Ordinal) { }

    public object? GetOrNull(string key) => TryGetValue(key, out var value) ? value : null;

    /// <summary>PHP's <c>$a[] = $v</c>: the next integer key.</summary>
    public void Append(object? value)
    {
        long next = 0;
        foreach (var key in Keys)
        {
            if (long.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= next) next = n + 1;
        }
        this[next.ToString(CultureInfo.InvariantCulture)] = value;
    }
}

/// <summary>An error PHP would raise (TypeError, warning turned into ErrorException): the API answers 500.</summary>
internal sealed class PhpErrorException(string message) : Exception(message);

internal static class Php
{
    /// <summary>Laravel's TrimStrings middleware: trims ASCII whitespace, BOM and zero-width space.</summary>
    public static string LaravelTrim(string s) => s.Trim(' ', '\t', '\n', '\r', '\v', '\f', '\0', '\uFEFF', '\u200B');

    /// <summary>PHP's trim(): " \t\n\r\0\x0B".</summary>
    public static string Trim(string s) => s.Trim(' ', '\t', '\n', '\r', '\0', '\v');

    /// <summary>Laravel's "required" test: null, a blank string, or an empty array.</summary>
    public static bool IsBlankForRequired(object? value) => value switch
    {
        null => true,
        string s => Trim(s).Length == 0,
        PhpArray a => a.Count == 0,
        _ => false,
    };

    /// <summary>PHP's empty().</summary>
    public static bool Empty(object? value) => value switch
    {
        null => true,
        bool b => !b,
        long l => l == 0,
        double d => d == 0,
        string s => s.Length == 0 || s == "0",
        PhpArray a => a.Count == 0,
        _ => false,
    };

    public static string TypeName(object? value) => value switch
    {
        null => "null",
        bool => "bool",
        long => "int",
        double => "float",
        string => "string",
        PhpArray => "array",
        _ => "mixed",
    };

    /// <summary>PHP's (string) cast for scalars; arrays raise a TypeError where a string parameter is required.</summary>
    public static string ToStringForStringParameter(object? value, string function)
    {
        return value switch
        {
            null => "",
            string s => s,
            bool b => b ? "1" : "",
            long l => l.ToString(CultureInfo.InvariantCulture),
            double d => FormatFloat(d),
            _ => throw new PhpErrorException($"{function}(): Argument #1 ($string) must be of type string, {TypeName(value)} given"),
        };
    }

    public static string FormatFloat(double d)
    {
        if (Math.Floor(d) == d && Math.Abs(d) < 1e15) return ((long)d).ToString(CultureInfo.InvariantCulture);
        return d.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>PHP's intval() for the kinds of values request input holds.</summary>
    public static long IntVal(object? value) => value switch
    {
        null => 0,
        bool b => b ? 1 : 0,
        long l => l,
        double d => double.IsFinite(d) ? (long)Math.Truncate(Math.Clamp(d, long.MinValue, long.MaxValue)) : 0,
        string s => IntValOfString(s),
        PhpArray a => a.Count == 0 ? 0 : 1,
        _ => 0,
    };

    /// <summary>(int)"12abc" is 12, (int)"abc" is 0, (int)" 7" is 7, (int)"1e3" is 1000.</summary>
    public static long IntValOfString(string s)
    {
        var prefix = NumericPrefix(s);
        if (prefix.Length == 0) return 0;
        if (long.TryParse(prefix, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return l;
        if (double.TryParse(prefix, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return IntVal(d);
        return 0;
    }

    /// <summary>The leading numeric part of a string as PHP and MySQL read it (after leading whitespace).</summary>
    public static string NumericPrefix(string s)
    {
        int i = 0;
        while (i < s.Length && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\v' || s[i] == '\f')) i++;
        int start = i;
        if (i < s.Length && (s[i] == '+' || s[i] == '-')) i++;
        int digitsStart = i;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        bool hasDigits = i > digitsStart;
        if (i < s.Length && s[i] == '.')
        {
            int j = i + 1;
            while (j < s.Length && char.IsAsciiDigit(s[j])) j++;
            if (j > i + 1 || hasDigits) { hasDigits = hasDigits || j > i + 1; i = j; }
        }
        if (!hasDigits) return "";
        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            int j = i + 1;
            if (j < s.Length && (s[j] == '+' || s[j] == '-')) j++;
            int expStart = j;
            while (j < s.Length && char.IsAsciiDigit(s[j])) j++;
            if (j > expStart) i = j;
        }
        return s[start..i];
    }

    /// <summary>PHP 8's is_numeric() for strings: whitespace allowed before and after.</summary>
    public static bool IsNumericString(string s)
    {
        var prefix = NumericPrefix(s);
        if (prefix.Length == 0) return false;
        int lead = 0;
        while (lead < s.Length && char.IsWhiteSpace(s[lead])) lead++;
        var rest = s[(lead + prefix.Length)..];
        return rest.All(c => c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f');
    }

    /// <summary>MySQL's conversion of a string to a number in a comparison: its numeric prefix, else 0.</summary>
    public static double MySqlToDouble(string s)
    {
        var prefix = NumericPrefix(s);
        return prefix.Length > 0 && double.TryParse(prefix, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : 0;
    }

    /// <summary>PHP's filter_var($v, FILTER_VALIDATE_INT) !== false, which backs Laravel's "integer" rule.</summary>
    public static bool PassesIntegerRule(object? value)
    {
        switch (value)
        {
            case long: return true;
            case bool b: return b;
            case double d: return double.IsFinite(d) && Math.Floor(d) == d && Math.Abs(d) <= long.MaxValue;
            case string s:
                var t = s.Trim(' ', '\t', '\n', '\r', '\v');
                if (t.Length == 0) return false;
                int i = 0;
                if (t[0] == '+' || t[0] == '-') i = 1;
                if (i >= t.Length) return false;
                if (t[i] == '0' && t.Length > i + 1) return false;
                for (int j = i; j < t.Length; j++) if (!char.IsAsciiDigit(t[j])) return false;
                return long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
            default: return false;
        }
    }

    /// <summary>Unicode code points in a string (mb_strlen).</summary>
    public static int CodePointLength(string s)
    {
        int n = 0;
        foreach (var _ in s.EnumerateRunes()) n++;
        return n;
    }

    /// <summary>What a MySQL varchar(n) column keeps of a longer value when strict mode is off.</summary>
    public static string TruncateCodePoints(string s, int max)
    {
        if (s.Length <= max) return s;
        var sb = new StringBuilder();
        int n = 0;
        foreach (var rune in s.EnumerateRunes())
        {
            if (n++ == max) break;
            sb.Append(rune.ToString());
        }
        return sb.ToString();
    }

    /// <summary>mb_substr($s, 0, $n).</summary>
    public static string SubstrCodePoints(string s, int n) => TruncateCodePoints(s, n);

    /// <summary>PHP's urlencode(): spaces become '+', [A-Za-z0-9_.-] kept, the rest %XX of the UTF-8 bytes.</summary>
    public static string UrlEncode(string s)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            char c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_' || c == '.') sb.Append(c);
            else if (c == ' ') sb.Append('+');
            else sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>PHP's parse_str() for a query string or a form body, with bracket nesting; strings trimmed as TrimStrings does.</summary>
    public static PhpArray ParseQueryString(string query)
    {
        var result = new PhpArray();
        if (string.IsNullOrEmpty(query)) return result;
        foreach (var pair in query.Split('&'))
        {
            if (pair.Length == 0) continue;
            int eq = pair.IndexOf('=');
            var rawKey = eq >= 0 ? pair[..eq] : pair;
            var rawValue = eq >= 0 ? pair[(eq + 1)..] : "";
            var key = WebUtility.UrlDecode(rawKey);
            var value = LaravelTrim(WebUtility.UrlDecode(rawValue));
            AssignBracketed(result, key, value);
        }
        return result;
    }

    private static void AssignBracketed(PhpArray root, string key, string value)
    {
        key = key.TrimStart(' ');
        int open = key.IndexOf('[');
        string baseName;
        var segments = new List<string?>();
        if (open > 0 && key.IndexOf(']', open) > open)
        {
            baseName = key[..open];
            int i = open;
            while (i < key.Length && key[i] == '[')
            {
                int close = key.IndexOf(']', i);
                if (close < 0) break;
                var seg = key[(i + 1)..close];
                segments.Add(seg.Length == 0 ? null : seg);
                i = close + 1;
            }
        }
        else
        {
            baseName = key;
        }
        baseName = baseName.Replace(' ', '_').Replace('.', '_');
        if (open > 0) baseName = baseName.Replace('[', '_');
        if (baseName.Length == 0) return;

        if (segments.Count == 0)
        {
            root[baseName] = value;
            return;
        }

        if (root.GetOrNull(baseName) is not PhpArray current)
        {
            current = new PhpArray();
            root[baseName] = current;
        }
        for (int s = 0; s < segments.Count; s++)
        {
            var seg = segments[s];
            bool last = s == segments.Count - 1;
            if (last)
            {
                if (seg is null) current.Append(value); else current[seg] = value;
            }
            else
            {
                PhpArray next;
                if (seg is null)
                {
                    next = new PhpArray();
                    current.Append(next);
                }
                else if (current.GetOrNull(seg) is PhpArray existing)
                {
                    next = existing;
                }
                else
                {
                    next = new PhpArray();
                    current[seg] = next;
                }
                current = next;
            }
        }
    }

    /// <summary>
    /// PHP's json_decode($body, true) as Laravel's Request::json() uses it: a body that does not parse
    /// (a BOM, another code page, bad syntax, a scalar) gives an empty input. Strings are trimmed (TrimStrings).
    /// </summary>
    public static PhpArray ParseJsonBody(byte[] body)
    {
        if (body.Length == 0) return new PhpArray();
        if (body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF) return new PhpArray();
        try
        {
            using var doc = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 512 });
            return FromJson(doc.RootElement, trim: true) as PhpArray ?? new PhpArray();
        }
        catch (JsonException)
        {
            return new PhpArray();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // Invalid UTF-8 inside a string (a cp1251 body, say) fails like json_decode does.
            return new PhpArray();
        }
    }

    public static object? FromJson(JsonElement element, bool trim)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new PhpArray();
                foreach (var prop in element.EnumerateObject()) obj[prop.Name] = FromJson(prop.Value, trim);
                return obj;
            case JsonValueKind.Array:
                var arr = new PhpArray();
                int i = 0;
                foreach (var item in element.EnumerateArray()) arr[(i++).ToString(CultureInfo.InvariantCulture)] = FromJson(item, trim);
                return arr;
            case JsonValueKind.String:
                var s = element.GetString() ?? "";
                return trim ? LaravelTrim(s) : s;
            case JsonValueKind.Number:
                var raw = element.GetRawText();
                if (raw.IndexOfAny(['.', 'e', 'E']) < 0 && element.TryGetInt64(out var l)) return l;
                return element.GetDouble();
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            default: return null;
        }
    }
}
