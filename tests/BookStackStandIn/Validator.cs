using System.Globalization;

namespace Postmortems.BookStackStandIn;

/// <summary>
/// The part of Laravel's validator BookStack's API rules use: required, required_without, nullable,
/// integer, string, array, min and max, with the English messages a v24.02.3 instance gave.
/// A blank string skips every rule but the "required" ones (so "name": "" passes an update), a null
/// that is present runs the type rules and fails them unless the field is nullable, and a failed
/// "required" rule stops the field's other rules.
/// </summary>
internal static class Validator
{
    public sealed record Field(string Name, params string[] Rules);

    /// <summary>Returns the messages per field, in rule order; empty when the input is valid.</summary>
    public static OrderedDictionary<string, List<string>> Validate(PhpArray input, IEnumerable<Field> fields)
    {
        var errors = new OrderedDictionary<string, List<string>>();
        foreach (var field in fields)
        {
            bool present = input.TryGetValue(field.Name, out var value);
            bool nullable = field.Rules.Contains("nullable");
            bool numericRule = field.Rules.Contains("integer");
            bool implicitFailed = false;
            foreach (var rule in field.Rules)
            {
                if (implicitFailed) break;
                var (name, param) = Split(rule);
                bool isImplicit = name is "required" or "required_without";
                if (!isImplicit)
                {
                    if (!present) continue;
                    if (value is string s && Php.Trim(s).Length == 0) continue;
                    if (value is null && nullable) continue;
                }

                string? message = name switch
                {
                    "nullable" => null,
                    "required" => Php.IsBlankForRequired(value) ? $"The {Attr(field.Name)} field is required." : null,
                    "required_without" => Php.IsBlankForRequired(input.GetOrNull(param!)) && Php.IsBlankForRequired(value)
                        ? $"The {Attr(field.Name)} field is required when {Attr(param!)} is not present."
                        : null,
                    "integer" => Php.PassesIntegerRule(value) ? null : $"The {Attr(field.Name)} must be an integer.",
                    "string" => value is string ? null : $"The {Attr(field.Name)} must be a string.",
                    "array" => value is PhpArray ? null : $"The {Attr(field.Name)} must be an array.",
                    "max" => Size(value, numericRule) > Limit(param) ? MaxMessage(field.Name, value, numericRule, param!) : null,
                    "min" => Size(value, numericRule) < Limit(param) ? MinMessage(field.Name, value, numericRule, param!) : null,
                    _ => throw new InvalidOperationException($"Unknown rule {rule}"),
                };
                if (message is null) continue;
                if (!errors.TryGetValue(field.Name, out var list)) errors[field.Name] = list = [];
                list.Add(message);
                if (isImplicit) implicitFailed = true;
            }
        }
        return errors;
    }

    /// <summary>Laravel's validated(): the ruled fields that are present in the input.</summary>
    public static PhpArray Validated(PhpArray input, IEnumerable<Field> fields)
    {
        var result = new PhpArray();
        foreach (var field in fields)
        {
            if (input.TryGetValue(field.Name, out var value)) result[field.Name] = value;
        }
        return result;
    }

    private static (string Name, string? Param) Split(string rule)
    {
        int colon = rule.IndexOf(':');
        return colon < 0 ? (rule, null) : (rule[..colon], rule[(colon + 1)..]);
    }

    private static string Attr(string field) => field.Replace('_', ' ');

    private static double Limit(string? param) => double.Parse(param!, CultureInfo.InvariantCulture);

    private static double Size(object? value, bool numericRule) => value switch
    {
        long l when numericRule => l,
        double d when numericRule => d,
        string s when numericRule && Php.IsNumericString(s) => Php.MySqlToDouble(s),
        PhpArray a => a.Count,
        string s => Php.CodePointLength(s),
        null => 0,
        _ => Php.CodePointLength(Php.ToStringForStringParameter(value, "mb_strlen")),
    };

    private static string Kind(object? value, bool numericRule) => value switch
    {
        PhpArray => "array",
        long or double when numericRule => "numeric",
        string s when numericRule && Php.IsNumericString(s) => "numeric",
        _ => "string",
    };

    private static string MaxMessage(string field, object? value, bool numericRule, string max) => Kind(value, numericRule) switch
    {
        "numeric" => $"The {Attr(field)} may not be greater than {max}.",
        "array" => $"The {Attr(field)} may not have more than {max} items.",
        _ => $"The {Attr(field)} may not be greater than {max} characters.",
    };

    private static string MinMessage(string field, object? value, bool numericRule, string min) => Kind(value, numericRule) switch
    {
        "numeric" => $"The {Attr(field)} must be at least {min}.",
        "array" => $"The {Attr(field)} must have at least {min} items.",
        _ => $"The {Attr(field)} must be at least {min} characters.",
    };
}
