using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Postmortems
{
    /// <summary>
    /// Turns what people and tools give as a time into the UTC instant the timeline stores.
    /// The template's column is "Time (UTC)", so a time without an offset is taken as UTC; a time with an
    /// offset, and a DateTime of Kind Local (what Get-Date and Get-WinEvent give), are converted; a time of
    /// day alone falls on the postmortem's date.
    /// </summary>
    public static class TimelineTime
    {
        public const string Example = "a UTC time of day such as 14:02 (placed on the postmortem's Date) or a full date and time such as 2026-11-20T14:02Z or '2026-11-20 15:02 +01:00'";

        private static readonly Regex TimeOfDay = new Regex(
            @"^(?<h>\d{1,2}):(?<m>\d{2})(?::(?<s>\d{2})(?:\.(?<f>\d{1,7}))?)?\s*(?<zone>Z|UTC|[+-]\d{2}(?::?\d{2})?)?$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        /// <summary>
        /// The earliest instant a timeline takes. Times before 1900 and after 2100 are typos (0026 for 2026) or
        /// placeholders (0001-01-01), never an incident; refusing them keeps every later sum of times representable.
        /// </summary>
        public static readonly DateTime Earliest = new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>The latest instant a timeline takes: the last tick of 2100.</summary>
        public static readonly DateTime Latest = new DateTime(2101, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(-1);

        /// <summary>Whether a UTC time lies in the years a timeline takes, 1900 to 2100.</summary>
        public static bool InWindow(DateTime utc) => utc >= Earliest && utc <= Latest;

        /// <summary>Whether a date (a postmortem's Date) lies in the years 1900 to 2100.</summary>
        public static bool InWindow(DateTime? date, out string? problem)
        {
            problem = null;
            if (date is not DateTime day || (day.Year >= Earliest.Year && day.Year <= Latest.Year)) return true;
            problem = $"the date {day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} is in the year {day.Year}; a postmortem's date is from 1900 to 2100. Check the year";
            return false;
        }

        private static readonly Regex TrailingOffset = new Regex(@"\s*(?:Z|[+-]\d{2}(?::?\d{2})?)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        /// <summary>A DateTime as UTC: Local is converted, Unspecified is taken to be UTC already. Never overflows: a local time that would fall outside DateTime's range is clamped to its end.</summary>
        public static DateTime ToUtc(DateTime time)
        {
            switch (time.Kind)
            {
                case DateTimeKind.Utc:
                    return time;
                case DateTimeKind.Local:
                    long ticks = time.Ticks - TimeZoneInfo.Local.GetUtcOffset(time).Ticks;
                    return new DateTime(Math.Min(Math.Max(ticks, DateTime.MinValue.Ticks), DateTime.MaxValue.Ticks), DateTimeKind.Utc);
                default:
                    return DateTime.SpecifyKind(time, DateTimeKind.Utc);
            }
        }

        /// <summary>
        /// Reads a time given as a DateTime, DateTimeOffset, TimeSpan (a time of day) or string.
        /// Returns false with a sentence for the user when it cannot.
        /// </summary>
        public static bool TryParse(object? value, DateTime? incidentDate, out DateTime utc, out string? problem)
        {
            if (!TryParseAny(value, incidentDate, out utc, out problem)) return false;
            if (InWindow(utc)) return true;
            problem = OutsideWindow(value, utc.Ticks, null);
            utc = default;
            return false;
        }

        /// <summary>The sentence for a time outside 1900-2100; ticks may lie outside DateTime's own range.</summary>
        internal static string OutsideWindow(object? original, long ticks, DateTime? placedOn)
        {
            var shown = original is DateTime or DateTimeOffset
                ? string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM-dd HH:mm:ss}", original)
                : Convert.ToString(original, CultureInfo.InvariantCulture);
            var on = placedOn is DateTime day ? $" on {day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : string.Empty;
            var when = ticks < Earliest.Ticks ? "before 1900" : "after 2100";
            var check = placedOn is null ? "Check the year" : "Check the year of the date it falls on";
            return $"'{shown}'{on} falls {when}; a timeline takes times from 1900 to 2100. {check}.";
        }

        private static bool TryParseAny(object? value, DateTime? incidentDate, out DateTime utc, out string? problem)
        {
            utc = default;
            problem = null;
            switch (value)
            {
                case DateTime dateTime:
                    utc = ToUtc(dateTime);
                    return true;
                case DateTimeOffset offset:
                    utc = offset.UtcDateTime;
                    return true;
                case TimeSpan timeOfDay:
                    return TryPlaceOnDate(timeOfDay, TimeSpan.Zero, value, incidentDate, out utc, out problem);
                case string text:
                    return TryParseText(text, incidentDate, out utc, out problem);
                case null:
                    problem = $"The time is missing. Give {Example}.";
                    return false;
                default:
                    problem = $"'{value}' ({value.GetType().Name}) is not a time. Give {Example}.";
                    return false;
            }
        }

        private static bool TryParseText(string text, DateTime? incidentDate, out DateTime utc, out string? problem)
        {
            utc = default;
            var trimmed = text.Trim();
            // What logs, alerts and JSON nearly always carry; read without the regex or DateTime.TryParse.
            if (TryParseRfc3339(trimmed, out utc))
            {
                problem = null;
                return true;
            }
            // A time of day as people type it (14:02, 9:05, 14:02:07, 14:02Z): read without the regex too.
            if (TryParsePlainTimeOfDay(trimmed, out var plain))
            {
                return TryPlaceOnDate(plain, TimeSpan.Zero, text, incidentDate, out utc, out problem);
            }
            var match = TimeOfDay.Match(trimmed);
            if (match.Success)
            {
                int hours = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
                int minutes = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
                int seconds = match.Groups["s"].Success ? int.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
                long ticks = match.Groups["f"].Success ? long.Parse(match.Groups["f"].Value.PadRight(7, '0'), CultureInfo.InvariantCulture) : 0;
                if (hours > 23 || minutes > 59 || seconds > 59)
                {
                    problem = $"'{text}' is not a time of day: hours run 0-23 and minutes and seconds 0-59. Give {Example}.";
                    return false;
                }
                var offset = ParseZone(match.Groups["zone"].Value);
                if (offset is null)
                {
                    problem = $"'{text}' has an offset that is not one: write it as Z, +01:00 or -0530. Give {Example}.";
                    return false;
                }
                var timeOfDay = new TimeSpan(0, hours, minutes, seconds) + TimeSpan.FromTicks(ticks);
                return TryPlaceOnDate(timeOfDay, offset.Value, text, incidentDate, out utc, out problem);
            }

            // NoCurrentDateDefault leaves a date-less text (2:02 PM) on 0001-01-01 instead of today, so it can be told apart.
            const DateTimeStyles styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal |
                                          DateTimeStyles.AdjustToUniversal | DateTimeStyles.NoCurrentDateDefault;
            if (DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, styles, out var parsed))
            {
                // A date-less text, unless it names the year 1 itself ("0001-01-01 00:10"), which the default date tells apart.
                if (parsed.Date == DateTime.MinValue.Date &&
                    !(DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, styles & ~DateTimeStyles.NoCurrentDateDefault, out var dated) && dated.Date == DateTime.MinValue.Date))
                {
                    return TryPlaceOnDate(parsed.TimeOfDay, TimeSpan.Zero, text, incidentDate, out utc, out problem);
                }
                utc = DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
                problem = null;
                return true;
            }

            // A time that reads but whose conversion to UTC leaves DateTime's range (9999-12-31T23:59-05:00).
            var withoutOffset = TrailingOffset.Replace(trimmed, string.Empty);
            if (withoutOffset.Length < trimmed.Length &&
                DateTime.TryParse(withoutOffset, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var unconverted) &&
                (unconverted.Year < Earliest.Year || unconverted.Year > Latest.Year))
            {
                problem = OutsideWindow(text, unconverted.Ticks, null);
                return false;
            }
            problem = $"'{text}' is not a time. Give {Example}.";
            return false;
        }

        /// <summary>
        /// yyyy-MM-ddTHH:mm:ss, with an optional fraction of up to 7 digits, and Z or an offset of +HH:MM: the form
        /// of RFC 3339. Anything else, or an impossible date, is left to the general path, which reads it the same way.
        /// </summary>
        internal static bool TryParseRfc3339(string text, out DateTime utc)
        {
            utc = default;
            int n = text.Length;
            if (n < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':') return false;
            if (!Digits(text, 0, 4, out int year) || !Digits(text, 5, 2, out int month) || !Digits(text, 8, 2, out int day) ||
                !Digits(text, 11, 2, out int hour) || !Digits(text, 14, 2, out int minute) || !Digits(text, 17, 2, out int second)) return false;
            int at = 19;
            long fraction = 0;
            if (text[at] == '.')
            {
                int start = ++at;
                while (at < n && at - start < 7 && text[at] >= '0' && text[at] <= '9') fraction = fraction * 10 + (text[at++] - '0');
                int digits = at - start;
                if (digits == 0 || (at < n && text[at] >= '0' && text[at] <= '9')) return false;
                for (int i = digits; i < 7; i++) fraction *= 10;
            }
            if (at >= n) return false;
            int offsetMinutes;
            if (text[at] == 'Z' && at + 1 == n) offsetMinutes = 0;
            else if ((text[at] == '+' || text[at] == '-') && at + 6 == n && text[at + 3] == ':' &&
                     Digits(text, at + 1, 2, out int offsetHours) && Digits(text, at + 4, 2, out int offsetMins) && offsetHours <= 14 && offsetMins <= 59)
            {
                offsetMinutes = (text[at] == '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
            }
            else return false;
            if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return false;
            var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(fraction);
            long ticks = local.Ticks - offsetMinutes * TimeSpan.TicksPerMinute;
            if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks) return false;
            utc = new DateTime(ticks, DateTimeKind.Utc);
            return true;
        }

        /// <summary>
        /// H:MM, HH:MM or HH:MM:SS, with an optional Z, and a possible time of day: the forms people type. Anything else
        /// (a fraction, an offset, a space, 24:00) is left to the general path, which reads these the same way.
        /// </summary>
        internal static bool TryParsePlainTimeOfDay(string text, out TimeSpan timeOfDay)
        {
            timeOfDay = default;
            int n = text.Length;
            if (n > 0 && (text[n - 1] == 'Z' || text[n - 1] == 'z')) n--;
            int hourDigits = n >= 2 && text[1] == ':' ? 1 : 2;
            int rest = n - hourDigits;
            if ((rest != 3 && rest != 6) || text[hourDigits] != ':' || (rest == 6 && text[hourDigits + 3] != ':')) return false;
            if (!Digits(text, 0, hourDigits, out int hours) || !Digits(text, hourDigits + 1, 2, out int minutes)) return false;
            int seconds = 0;
            if (rest == 6 && !Digits(text, hourDigits + 4, 2, out seconds)) return false;
            if (hours > 23 || minutes > 59 || seconds > 59) return false;
            timeOfDay = new TimeSpan(hours, minutes, seconds);
            return true;
        }

        private static bool Digits(string text, int start, int count, out int value)
        {
            value = 0;
            for (int i = start; i < start + count; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9') return false;
                value = value * 10 + (c - '0');
            }
            return true;
        }

        private static bool TryPlaceOnDate(TimeSpan timeOfDay, TimeSpan offset, object original, DateTime? incidentDate, out DateTime utc, out string? problem)
        {
            utc = default;
            if (incidentDate is null)
            {
                problem = $"'{original}' is a time of day, but the postmortem has no Date to put it on. Set the date first (Set-Postmortem -Date 2026-11-20) or give the full date and time, such as 2026-11-20T14:02Z.";
                return false;
            }
            if (timeOfDay < TimeSpan.Zero || timeOfDay >= TimeSpan.FromDays(1))
            {
                problem = $"'{original}' is not a time of day between 00:00 and 23:59. Give {Example}.";
                return false;
            }
            // In ticks, checked before a DateTime is made: an offset can push a time of day on 0001-01-01 or 9999-12-31
            // past DateTime's range.
            long ticks = incidentDate.Value.Date.Ticks + timeOfDay.Ticks - offset.Ticks;
            if (ticks < Earliest.Ticks || ticks > Latest.Ticks)
            {
                problem = OutsideWindow(original, ticks, incidentDate.Value.Date);
                return false;
            }
            utc = new DateTime(ticks, DateTimeKind.Utc);
            problem = null;
            return true;
        }

        private static TimeSpan? ParseZone(string zone)
        {
            if (zone.Length == 0 || zone.Equals("Z", StringComparison.OrdinalIgnoreCase) || zone.Equals("UTC", StringComparison.OrdinalIgnoreCase))
            {
                return TimeSpan.Zero;
            }
            int sign = zone[0] == '-' ? -1 : 1;
            var digits = zone.Substring(1).Replace(":", "");
            int hours = int.Parse(digits.Substring(0, 2), CultureInfo.InvariantCulture);
            int minutes = digits.Length >= 4 ? int.Parse(digits.Substring(2, 2), CultureInfo.InvariantCulture) : 0;
            if (hours > 14 || minutes > 59 || digits.Length is not (2 or 4)) return null;
            return TimeSpan.FromMinutes(sign * (hours * 60 + minutes));
        }
    }
}
