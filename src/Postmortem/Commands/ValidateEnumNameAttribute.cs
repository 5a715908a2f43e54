using System;
using System.Linq;
using System.Management.Automation;

namespace Postmortems.Commands
{
    /// <summary>
    /// Validates a parameter that holds the name of an enum value but is typed as text, so that its argument
    /// completer (with tooltips) is used: PowerShell completes enum-typed parameters itself and ignores a custom
    /// completer on them. Null and empty text pass (they mean "not given"); anything else must name a value.
    /// </summary>
    internal sealed class ValidateEnumNameAttribute : ValidateArgumentsAttribute
    {
        private readonly Type _enumType;
        private readonly string _what;

        public ValidateEnumNameAttribute(Type enumType, string what)
        {
            _enumType = enumType;
            _what = what;
        }

        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
            if (EnumName.TryParse(_enumType, value, out _)) return;
            var names = string.Join(", ", Enum.GetNames(_enumType).Where(n => n != "None"));
            throw new ValidationMetadataException($"'{value}' is not a {_what}. Use one of: {names}.");
        }
    }

    /// <summary>
    /// As <see cref="ValidateEnumNameAttribute"/>, for a parameter that takes several names (Get-ActionItem -Status
    /// Open, InProgress): each must name a value; blank text is no value here.
    /// </summary>
    internal sealed class ValidateEnumNamesAttribute : ValidateEnumeratedArgumentsAttribute
    {
        private readonly Type _enumType;
        private readonly string _what;

        public ValidateEnumNamesAttribute(Type enumType, string what)
        {
            _enumType = enumType;
            _what = what;
        }

        protected override void ValidateElement(object element)
        {
            var value = element is PSObject wrapped ? wrapped.BaseObject : element;
            if (!(value is string text && text.Trim().Length == 0) && EnumName.TryParse(_enumType, value, out _)) return;
            throw new ValidationMetadataException($"'{value}' is not a {_what}. Use one of: {string.Join(", ", Enum.GetNames(_enumType))}.");
        }
    }

    internal static class EnumName
    {
        /// <summary>Reads an enum value from its name (any case) or from the enum itself; null or blank text is the default.</summary>
        public static bool TryParse(Type enumType, object? value, out object result)
        {
            result = Activator.CreateInstance(enumType)!;
            switch (value)
            {
                case null:
                    return true;
                case string text when text.Trim().Length == 0:
                    return true;
                case string text:
                    var name = Enum.GetNames(enumType).FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));
                    if (name is null) return false;
                    result = Enum.Parse(enumType, name);
                    return true;
                default:
                    if (value.GetType() != enumType) return false;
                    result = value;
                    return true;
            }
        }

        /// <summary>As TryParse, with anything unreadable as the default. Nothing given, the common case, costs nothing.</summary>
        public static T Parse<T>(object? value) where T : struct
        {
            var unwrapped = value is PSObject wrapped ? wrapped.BaseObject : value;
            if (unwrapped is null) return default;
            if (unwrapped is T typed) return typed;
            return TryParse(typeof(T), unwrapped, out var result) ? (T)result : default;
        }
    }
}
