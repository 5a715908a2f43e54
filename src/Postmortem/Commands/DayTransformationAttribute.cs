using System;
using System.Globalization;
using System.Management.Automation;

namespace Postmortems.Commands
{
    /// <summary>
    /// Reads a day given as text (-Date 2026-11-20) in the invariant calendar, whatever the session's culture: PowerShell
    /// binds a cmdlet's DateTime parameter with the current culture, and under th-TH 2026-11-20 was read as a Buddhist
    /// year, 1483 in the Gregorian calendar. ISO forms (yyyy-MM-dd, with a time) are taken here; anything else goes on to
    /// PowerShell's own conversion unchanged.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    internal sealed class DayTransformationAttribute : ArgumentTransformationAttribute
    {
        private static readonly string[] Formats =
        {
            "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mmK",
        };

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is string text && DateTime.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var day))
            {
                return day;
            }
            return inputData;
        }
    }
}
