using System;
using System.Globalization;
using System.Management.Automation;
using Postmortems.Rendering;

namespace Postmortems.Commands
{
    /// <summary>
    /// Takes a duration as the module writes it, HH:MM with hours past 24 for a long incident (72:05), which
    /// PowerShell's own conversion to TimeSpan refuses; anything else goes on to that conversion unchanged, except a
    /// bare number, which that conversion takes as ticks (-Duration 40 would be 4 microseconds) or, as text, as days:
    /// neither is what anyone typing 40 means, and minutes or hours cannot be told apart, so it is refused.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    internal sealed class DurationTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case string text when PostmortemMarkdown.TryParseDuration(text, out var duration):
                    return duration;
                case string text when IsBareNumber(text.Trim()):
                    throw NumberWithoutUnit(text.Trim());
                case string text when !TimeSpan.TryParse(text.Trim(), CultureInfo.InvariantCulture, out _):
                    throw new ArgumentTransformationMetadataException(
                        $"'{text}' is not a duration. Give detection to resolution as HH:MM: -Duration 01:47 for 1 hour 47 minutes, -Duration 72:05 past a day, or -Duration (New-TimeSpan -Minutes 40).");
                case sbyte _: case byte _: case short _: case ushort _: case int _: case uint _: case long _: case ulong _:
                case float _: case double _: case decimal _:
                    throw NumberWithoutUnit(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                default:
                    return inputData;
            }
        }

        private static bool IsBareNumber(string text) =>
            decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

        private static ArgumentTransformationMetadataException NumberWithoutUnit(string number)
        {
            var value = decimal.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);
            string readings;
            if (value <= 0 || value > 100_000)
            {
                readings = "-Duration 01:47 for 1 hour 47 minutes";
            }
            else if (value == decimal.Truncate(value))
            {
                readings = $"-Duration {PostmortemMarkdown.FormatDuration(TimeSpan.FromMinutes((double)value))} for {number} minutes, -Duration {PostmortemMarkdown.FormatDuration(TimeSpan.FromHours((double)value))} for {number} hours, or -Duration (New-TimeSpan -Minutes {number})";
            }
            else
            {
                readings = $"-Duration {PostmortemMarkdown.FormatDuration(TimeSpan.FromMinutes(Math.Round((double)value * 60)))} for {number} hours";
            }
            return new ArgumentTransformationMetadataException(
                $"-Duration {number} is a number without a unit, which PowerShell would take as {number} ticks (under a millisecond), and minutes cannot be told from hours. Give the duration as HH:MM: {readings}.");
        }
    }
}
