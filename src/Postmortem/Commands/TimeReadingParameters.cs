using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace Postmortems.Commands
{
    /// <summary>-TimeFormat, -Culture, -TimeZone and -UtcOffset, as Add-TimelineEvent and Import-TimelineEvent take them, made into one TimeReading.</summary>
    internal static class TimeReadingParameters
    {
        /// <summary>The reading the parameters ask for, or null for the defaults; a terminating error for a zone or offset that is not one.</summary>
        public static TimeReading? Build(PSCmdlet cmdlet, string[]? formats, CultureInfo? culture, string? timeZone, string? utcOffset)
        {
            formats = formats?.Where(f => !string.IsNullOrWhiteSpace(f)).ToArray();
            if ((formats is null || formats.Length == 0) && culture is null && timeZone is null && utcOffset is null) return null;
            if (timeZone is not null && utcOffset is not null)
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("Give -TimeZone or -UtcOffset, not both: -TimeZone (such as Europe/Berlin) follows summer time, -UtcOffset (such as +01:00) is fixed."),
                    ErrorIds.InvalidTimeZone, ErrorCategory.InvalidArgument, timeZone));
            }
            var reading = new TimeReading { Formats = formats ?? Array.Empty<string>(), Culture = culture };
            if (timeZone is not null)
            {
                if (!TimeReading.TryFindTimeZone(timeZone, out var zone, out var problem))
                {
                    cmdlet.ThrowTerminatingError(new ErrorRecord(new ArgumentException(problem), ErrorIds.InvalidTimeZone, ErrorCategory.InvalidArgument, timeZone));
                }
                reading.TimeZone = zone;
            }
            if (utcOffset is not null)
            {
                if (!TimeReading.TryParseOffset(utcOffset, out var offset, out var problem))
                {
                    cmdlet.ThrowTerminatingError(new ErrorRecord(new ArgumentException(problem), ErrorIds.InvalidTimeZone, ErrorCategory.InvalidArgument, utcOffset));
                }
                reading.UtcOffset = offset;
            }
            return reading;
        }
    }
}
