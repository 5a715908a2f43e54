using System.Globalization;
using System.Text;

namespace Postmortems.BookStackStandIn;

/// <summary>
/// Laravel's Str::slug($name) as BookStack's SlugGenerator uses it: transliterate to ASCII (characters
/// with no transliteration are dropped), '_' to '-', '@' to '-at-', lower-case, drop everything but
/// letters, digits, whitespace and '-', then runs of whitespace and '-' become one '-', trimmed.
/// </summary>
internal static class Slugs
{
    private static readonly Dictionary<char, string> Transliteration = BuildTable();

    public static string Slug(string name)
    {
        var ascii = ToAscii(name);
        ascii = ascii.Replace('_', '-').Replace("@", "-at-", StringComparison.Ordinal).ToLowerInvariant();
        var kept = new StringBuilder();
        foreach (var c in ascii)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '-' || char.IsWhiteSpace(c)) kept.Append(c);
        }
        var collapsed = new StringBuilder();
        bool inSeparator = false;
        foreach (var c in kept.ToString())
        {
            if (c == '-' || char.IsWhiteSpace(c))
            {
                if (!inSeparator) collapsed.Append('-');
                inSeparator = true;
            }
            else
            {
                collapsed.Append(c);
                inSeparator = false;
            }
        }
        return collapsed.ToString().Trim('-');
    }

    /// <summary>Str::ascii: a transliteration table for common scripts, diacritics removed, the rest dropped.</summary>
    public static string ToAscii(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s)
        {
            if (c < 0x80) { sb.Append(c); continue; }
            if (Transliteration.TryGetValue(c, out var t)) { sb.Append(t); continue; }
            if (char.ToLowerInvariant(c) != c && Transliteration.TryGetValue(char.ToLowerInvariant(c), out var lower))
            {
                sb.Append(lower.Length > 0 ? char.ToUpperInvariant(lower[0]) + lower[1..] : lower);
                continue;
            }
            var stripped = StripDiacritics(c.ToString());
            foreach (var sc in stripped)
            {
                if (sc < 0x80) sb.Append(sc);
            }
        }
        return sb.ToString();
    }

    private static string StripDiacritics(string s)
    {
        try
        {
            var decomposed = s.Normalize(NormalizationForm.FormD);
            var sb = new StringBuilder();
            foreach (var c in decomposed)
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(c);
            }
            return sb.ToString();
        }
        catch (Exception ex) when (ex is PlatformNotSupportedException or ArgumentException)
        {
            return s;
        }
    }

    /// <summary>5 random lower-case hex characters, as substr(md5(rand(1, 500)), 0, 5) gives.</summary>
    public static string RandomHex5(Random random)
    {
        const string hex = "0123456789abcdef";
        return string.Create(5, random, (span, r) => { for (int i = 0; i < span.Length; i++) span[i] = hex[r.Next(16)]; });
    }

    /// <summary>Str::random(3): mixed-case letters and digits.</summary>
    public static string Random3(Random random)
    {
        const string chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        return string.Create(3, random, (span, r) => { for (int i = 0; i < span.Length; i++) span[i] = chars[r.Next(chars.Length)]; });
    }

    private static Dictionary<char, string> BuildTable()
    {
        var t = new Dictionary<char, string>
        {
            ['ß'] = "ss", ['æ'] = "ae", ['ø'] = "o", ['œ'] = "oe", ['đ'] = "d", ['ł'] = "l", ['þ'] = "th", ['ð'] = "d",
            ['ı'] = "i", ['ŀ'] = "l", ['ŉ'] = "n", ['ŋ'] = "n", ['ŧ'] = "t", ['ħ'] = "h",
        };
        // Cyrillic, with the transliteration observed on v24.02.3 ("Инструкция по сборке" -> "instrukciia-po-sborke").
        var cyrillic = new (char, string)[]
        {
            ('а', "a"), ('б', "b"), ('в', "v"), ('г', "g"), ('д', "d"), ('е', "e"), ('ё', "io"), ('ж', "zh"), ('з', "z"),
            ('и', "i"), ('й', "i"), ('к', "k"), ('л', "l"), ('м', "m"), ('н', "n"), ('о', "o"), ('п', "p"), ('р', "r"),
            ('с', "s"), ('т', "t"), ('у', "u"), ('ф', "f"), ('х', "kh"), ('ц', "c"), ('ч', "ch"), ('ш', "sh"),
            ('щ', "shch"), ('ъ', ""), ('ы', "y"), ('ь', ""), ('э', "e"), ('ю', "iu"), ('я', "ia"),
            ('і', "i"), ('ї', "i"), ('є', "ie"), ('ґ', "g"), ('ў', "u"),
        };
        foreach (var (c, s) in cyrillic) t[c] = s;
        var greek = new (char, string)[]
        {
            ('α', "a"), ('β', "b"), ('γ', "g"), ('δ', "d"), ('ε', "e"), ('ζ', "z"), ('η', "i"), ('θ', "th"), ('ι', "i"),
            ('κ', "k"), ('λ', "l"), ('μ', "m"), ('ν', "n"), ('ξ', "ks"), ('ο', "o"), ('π', "p"), ('ρ', "r"), ('σ', "s"),
            ('ς', "s"), ('τ', "t"), ('υ', "y"), ('φ', "f"), ('χ', "x"), ('ψ', "ps"), ('ω', "o"),
        };
        foreach (var (c, s) in greek) t[c] = s;
        return t;
    }
}
