using System;
using System.Globalization;
using System.Linq;
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
        /// Reads a time given as a DateTime, DateTimeOffset, TimeSpan (a time of day), an epoch number or a string.
        /// Returns false with a sentence for the user when it cannot.
        /// </summary>
        public static bool TryParse(object? value, DateTime? incidentDate, out DateTime utc, out string? problem) =>
            TryParse(value, incidentDate, null, out utc, out problem, out _);

        /// <summary>Reads a time with the formats, culture and time zone a source is read with.</summary>
        public static bool TryParse(object? value, DateTime? incidentDate, TimeReading? reading, out DateTime utc, out string? problem) =>
            TryParse(value, incidentDate, reading, out utc, out problem, out _);

        /// <summary>Reads a time; ambiguous is true when it was refused because its day and month could be swapped.</summary>
        public static bool TryParse(object? value, DateTime? incidentDate, TimeReading? reading, out DateTime utc, out string? problem, out bool ambiguous)
        {
            ambiguous = false;
            if (!TryParseAny(value, incidentDate, reading, out utc, out problem, ref ambiguous)) return false;
            if (InWindow(utc)) return true;
            problem = OutsideWindow(value, utc.Ticks, null);
            utc = default;
            return false;
        }

        /// <summary>
        /// Reads a time that may be marked approximate: "~23:30", "± 23:30", "ca. 23:30", "approx. 23:30" or "23:00-ish".
        /// approximate says whether it was; the marker is taken off and the rest read as any other time.
        /// </summary>
        public static bool TryParse(object? value, DateTime? incidentDate, TimeReading? reading, out DateTime utc, out string? problem, out bool ambiguous, out bool approximate)
        {
            approximate = false;
            if (value is string text && TryRemoveApproximateMarker(text, out var exact))
            {
                approximate = true;
                if (exact.Length == 0)
                {
                    utc = default;
                    ambiguous = false;
                    problem = $"'{text}' says the time is approximate but gives no time. Give {Example}, with ~ before it: ~23:30.";
                    return false;
                }
                value = exact;
            }
            return TryParse(value, incidentDate, reading, out utc, out problem, out ambiguous);
        }

        /// <summary>What a page, a draft and the table show for an event whose time is unknown.</summary>
        public const string UnknownText = "unknown";

        private static readonly string[] UnknownWords = { UnknownText, "time unknown", "unknown time", "no time", "not known", "n/a", "tbd", "?", "??", "???", "-", "--", "\u2013", "\u2014" };

        /// <summary>
        /// Whether a time's text says the time is unknown: unknown (as the module writes it), time unknown, no time,
        /// n/a, TBD, ? or a dash. An empty text is not: a time left out is more often a slip than a statement.
        /// </summary>
        public static bool IsUnknown(string? text)
        {
            if (text is null) return false;
            var trimmed = text.Trim();
            if (trimmed.Length == 0) return false;
            foreach (var word in UnknownWords)
            {
                if (string.Equals(trimmed, word, StringComparison.OrdinalIgnoreCase)) return true;
            }
            return false;
        }

        /// <summary>
        /// The places of events read in a file's order, where a null time is unknown: such an event stands at the time of
        /// the event before it, or, before the first timed one, at that one's time; with no timed event at all, at the
        /// start of the fallback day (the postmortem's Date), else at the start of 2000.
        /// </summary>
        public static DateTime[] Places(System.Collections.Generic.IReadOnlyList<DateTime?> times, DateTime? fallback)
        {
            var places = new DateTime[times.Count];
            DateTime? previous = null;
            for (int i = 0; i < times.Count; i++)
            {
                if (times[i] is DateTime known) previous = known;
                if (previous is DateTime place) places[i] = place;
            }
            DateTime? first = times.FirstOrDefault(t => t.HasValue);
            var start = first ?? DateTime.SpecifyKind((fallback ?? new DateTime(2000, 1, 1)).Date, DateTimeKind.Utc);
            for (int i = 0; i < times.Count && !times[i].HasValue; i++) places[i] = start;
            return places;
        }

        private static readonly string[] ApproximatePrefixes = { "approximately", "approx.", "approx", "circa", "ca.", "ca", "c." };

        /// <summary>
        /// Whether a time's text is marked approximate (~ or ± or ≈ before it, ca., circa or approx. before it, -ish after
        /// it), and the text without the marker. Costs a look at the first and last character for a time without one.
        /// </summary>
        public static bool TryRemoveApproximateMarker(string text, out string exact)
        {
            exact = text;
            if (text is null) return false;
            int start = 0, end = text.Length;
            while (start < end && char.IsWhiteSpace(text[start])) start++;
            while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
            if (start == end) return false;
            bool marked = false;
            char first = text[start];
            if (first == '~' || first == '\u00B1' || first == '\u2248')
            {
                start++;
                marked = true;
            }
            else if (first == 'a' || first == 'A' || first == 'c' || first == 'C')
            {
                foreach (var prefix in ApproximatePrefixes)
                {
                    int after = start + prefix.Length;
                    if (after > end || string.Compare(text, start, prefix, 0, prefix.Length, StringComparison.OrdinalIgnoreCase) != 0) continue;
                    // "ca" and "approx" stand apart from the time; "ca." may touch it (ca.23:30).
                    if (after < end && !char.IsWhiteSpace(text[after]) && !(prefix.EndsWith(".", StringComparison.Ordinal) && char.IsDigit(text[after]))) continue;
                    start = after;
                    marked = true;
                    break;
                }
            }
            if (end - start >= 3 && (text[end - 1] == 'h' || text[end - 1] == 'H') &&
                string.Compare(text, end - 3, "ish", 0, 3, StringComparison.OrdinalIgnoreCase) == 0)
            {
                end -= 3;
                if (end > start && text[end - 1] == '-') end--;
                marked = true;
            }
            if (!marked) return false;
            while (start < end && char.IsWhiteSpace(text[start])) start++;
            while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
            exact = text.Substring(start, end - start);
            return true;
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

        private static bool TryParseAny(object? value, DateTime? incidentDate, TimeReading? reading, out DateTime utc, out string? problem, ref bool ambiguous)
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
                    return TryPlaceOnDate(timeOfDay, TimeSpan.Zero, null, value, incidentDate, out utc, out problem);
                case string text:
                    return TryParseText(text, incidentDate, reading, out utc, out problem, ref ambiguous);
                case int or long or short or uint or ulong or ushort or decimal or double or float:
                    decimal number;
                    try
                    {
                        number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                    }
                    catch (OverflowException)
                    {
                        problem = $"'{value}' is not a time (as an epoch number it is out of range). Give {Example}.";
                        return false;
                    }
                    return TryEpoch(number, Convert.ToString(value, CultureInfo.InvariantCulture)!, out utc, out problem);
                case null:
                    problem = $"The time is missing. Give {Example}.";
                    return false;
                default:
                    problem = $"'{value}' ({value.GetType().Name}) is not a time. Give {Example}.";
                    return false;
            }
        }

        /// <summary>Epoch seconds, milliseconds, microseconds or nanoseconds, told apart by magnitude; a number before 1973 is refused, not read as 1970.</summary>
        private static bool TryEpoch(decimal number, string shown, out DateTime utc, out string? problem)
        {
            utc = default;
            problem = null;
            if (number < 1e8m)
            {
                problem = $"'{shown}' is a number too small to be an epoch time (seconds since 1970 have 9 digits or more after 1973). Give {Example}, or an epoch time in seconds, milliseconds, microseconds or nanoseconds.";
                return false;
            }
            if (!Gathering.EpochTime.TryFromNumber(number, out utc))
            {
                problem = $"'{shown}' is not a time (as an epoch number it is out of range). Give {Example}.";
                return false;
            }
            if (InWindow(utc)) return true;
            problem = OutsideWindow(shown + $" (epoch, {utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC)", utc.Ticks, null);
            utc = default;
            return false;
        }

        private static bool IsEpochText(string text)
        {
            if (text.Length < 9 || text.Length > 30) return false;
            bool point = false;
            foreach (var c in text)
            {
                if (c == '.' && !point) point = true;
                else if (c < '0' || c > '9') return false;
            }
            return text[0] != '.';
        }

        // A zone written apart from the time: RFC 2822's +0000, Twitter's +0000 before the year, 2018-10-21 23:09 UTC.
        private static readonly Regex ZoneToken = new Regex(@"(?:^|\s)(?<zone>[+-]\d{2}:?\d{2}|UTC|GMT|UT|Z)(?=\s|$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        private static readonly string[] NamedFormats =
        {
            "ddd MMM d HH:mm:ss yyyy",          // Twitter (its +0000 taken out), ctime
            "ddd MMM d HH:mm:ss.FFFFFFF yyyy",
            "ddd, d MMM yyyy HH:mm:ss",         // RFC 2822, HTTP
            "ddd, d MMM yyyy HH:mm",
            "d MMM yyyy HH:mm:ss",
            "d MMM yyyy HH:mm",
            "dd/MMM/yyyy:HH:mm:ss",             // Apache and nginx common log format
            "dd/MMM/yyyy:HH:mm:ss.FFFFFFF",
        };

        private static readonly Regex Syslog = new Regex(
            @"^(?<mon>[A-Za-z]{3})\s+(?<d>\d{1,2})\s+(?<h>\d{2}):(?<m>\d{2}):(?<s>\d{2})(?:\.(?<f>\d{1,7}))?$", RegexOptions.CultureInvariant);

        private static readonly Regex NumericDate = new Regex(
            @"^(?<a>\d{1,2})(?<sep>[./-])(?<b>\d{1,2})\k<sep>(?<y>\d{4}|\d{2})(?:(?:\s+|T)(?<time>.+))?$", RegexOptions.CultureInvariant);

        private static readonly Regex ClockTime = new Regex(
            @"^(?<h>\d{1,2}):(?<m>\d{2})(?::(?<s>\d{2})(?:[.,](?<f>\d{1,7}))?)?(?:\s*(?<ampm>AM|PM))?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        private static bool TryParseText(string text, DateTime? incidentDate, TimeReading? reading, out DateTime utc, out string? problem, ref bool ambiguous)
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
            if (TryParsePlainTimeOfDay(trimmed, out var plain, out bool zulu))
            {
                return TryPlaceOnDate(plain, zulu ? TimeSpan.Zero : (TimeSpan?)null, reading, text, incidentDate, out utc, out problem);
            }
            var culture = reading?.Culture ?? CultureInfo.InvariantCulture;
            if (reading is not null && reading.Formats.Count > 0)
            {
                int result = TryFormats(trimmed, text, reading, culture, incidentDate, out utc, out problem);
                if (result >= 0) return result == 1;
            }
            if (IsEpochText(trimmed) && decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return TryEpoch(number, trimmed, out utc, out problem);
            }

            // A zone written apart from the time is taken out; an offset in the text wins over -TimeZone.
            var rest = trimmed;
            TimeSpan? written = null;
            var zoneMatch = ZoneToken.Match(trimmed);
            if (zoneMatch.Success)
            {
                if (!TimeReading.TryParseOffset(zoneMatch.Groups["zone"].Value.Equals("UT", StringComparison.OrdinalIgnoreCase) || zoneMatch.Groups["zone"].Value.Equals("GMT", StringComparison.OrdinalIgnoreCase) ? "Z" : zoneMatch.Groups["zone"].Value, out var parsedOffset, out _))
                {
                    problem = $"'{text}' has an offset that is not one: write it as Z, +01:00 or -0530. Give {Example}.";
                    return false;
                }
                written = parsedOffset;
                rest = (trimmed.Substring(0, zoneMatch.Index) + " " + trimmed.Substring(zoneMatch.Index + zoneMatch.Length)).Trim();
                // Go writes both: 2018-10-21 23:09:19 +0000 UTC. A second UTC after a zero offset says the same.
                var second = ZoneToken.Match(rest);
                if (second.Success && parsedOffset == TimeSpan.Zero && second.Groups["zone"].Value.Length <= 3 && !second.Groups["zone"].Value.StartsWith("+", StringComparison.Ordinal) && !second.Groups["zone"].Value.StartsWith("-", StringComparison.Ordinal))
                {
                    rest = (rest.Substring(0, second.Index) + " " + rest.Substring(second.Index + second.Length)).Trim();
                }
            }
            // Python's logging writes a comma before the milliseconds: 2018-10-21 23:09:19,123.
            var comma = rest.IndexOf(',');
            if (comma >= 8 && comma + 1 < rest.Length && rest[comma - 3] == ':' && char.IsDigit(rest[comma - 1]) && char.IsDigit(rest[comma + 1]))
            {
                rest = rest.Substring(0, comma) + "." + rest.Substring(comma + 1);
            }

            if (HasLetter(rest))
            {
                // Syslog first: its pattern fails fast on the others, where a failed ParseExact over every format costs more.
                var syslog = Syslog.Match(rest);
                if (syslog.Success && TrySyslog(syslog, incidentDate, out var local))
                {
                    return FromLocal(local.Ticks, written, reading, text, out utc, out problem);
                }
                if (DateTime.TryParseExact(rest, NamedFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var named))
                {
                    return FromLocal(named.Ticks, written, reading, text, out utc, out problem);
                }
            }

            var numeric = NumericDate.Match(rest);
            if (numeric.Success)
            {
                return TryNumericDate(numeric, written, reading, text, out utc, out problem, ref ambiguous);
            }

            var match = TimeOfDay.Match(rest);
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
                var offset = match.Groups["zone"].Success ? ParseZone(match.Groups["zone"].Value) : written;
                if (match.Groups["zone"].Success && offset is null)
                {
                    problem = $"'{text}' has an offset that is not one: write it as Z, +01:00 or -0530. Give {Example}.";
                    return false;
                }
                var timeOfDay = new TimeSpan(0, hours, minutes, seconds) + TimeSpan.FromTicks(ticks);
                return TryPlaceOnDate(timeOfDay, offset, reading, text, incidentDate, out utc, out problem);
            }

            // NoCurrentDateDefault leaves a date-less text (2:02 PM) on 0001-01-01 instead of today, so it can be told apart.
            // RoundtripKind tells a time with an offset (Kind Utc or Local) from one without (Unspecified).
            const DateTimeStyles styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind | DateTimeStyles.NoCurrentDateDefault;
            if (DateTime.TryParse(rest, culture, styles, out var parsed))
            {
                // A date-less text, unless it names the year 1 itself ("0001-01-01 00:10"), which the default date tells apart.
                if (parsed.Date == DateTime.MinValue.Date && parsed.Kind == DateTimeKind.Unspecified &&
                    !(DateTime.TryParse(rest, culture, styles & ~DateTimeStyles.NoCurrentDateDefault, out var dated) && dated.Date == DateTime.MinValue.Date))
                {
                    return TryPlaceOnDate(parsed.TimeOfDay, written, reading, text, incidentDate, out utc, out problem);
                }
                if (parsed.Kind == DateTimeKind.Unspecified) return FromLocal(parsed.Ticks, written, reading, text, out utc, out problem);
                if (parsed.Kind == DateTimeKind.Utc || !DateTimeOffset.TryParse(rest, culture, DateTimeStyles.AllowWhiteSpaces, out var withOffset))
                {
                    utc = parsed.ToUniversalTime();
                }
                else
                {
                    utc = withOffset.UtcDateTime;
                }
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
            problem = reading is not null && reading.Formats.Count > 0
                ? $"'{text}' is not a time in the format{(reading.Formats.Count == 1 ? "" : "s")} given ({string.Join(", ", reading.Formats.Select(f => $"'{f}'"))}) nor in one the reader knows. Check -TimeFormat, or give {Example}."
                : $"'{text}' is not a time. Give {Example}, or name its format with -TimeFormat (a .NET format such as 'dd.MM.yyyy HH:mm').";
            return false;
        }

        private static bool HasLetter(string text)
        {
            foreach (var c in text)
            {
                if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return true;
            }
            return false;
        }

        /// <summary>A local time (or one with a written offset) as UTC, within the window.</summary>
        private static bool FromLocal(long localTicks, TimeSpan? written, TimeReading? reading, object original, out DateTime utc, out string? problem)
        {
            utc = default;
            long ticks;
            if (written is TimeSpan offset) ticks = localTicks - offset.Ticks;
            else if (reading is not null && reading.HasZone)
            {
                if (!reading.TryToUtc(new DateTime(localTicks), original, out ticks, out problem))
                {
                    problem += ".";
                    return false;
                }
            }
            else ticks = localTicks;
            if (ticks < Earliest.Ticks || ticks > Latest.Ticks)
            {
                problem = OutsideWindow(original, ticks, null);
                return false;
            }
            utc = new DateTime(ticks, DateTimeKind.Utc);
            problem = null;
            return true;
        }

        /// <summary>Tries the -TimeFormat formats: 1 read, 0 refused (problem set), -1 none matched.</summary>
        private static int TryFormats(string trimmed, string text, TimeReading reading, CultureInfo culture, DateTime? incidentDate, out DateTime utc, out string? problem)
        {
            utc = default;
            problem = null;
            try
            {
                var zoned = reading.Formats.Where(f => f.IndexOf('z') >= 0 || f.IndexOf('K') >= 0).ToArray();
                var local = reading.Formats.Where(f => f.IndexOf('z') < 0 && f.IndexOf('K') < 0).ToArray();
                if (zoned.Length > 0 && DateTimeOffset.TryParseExact(trimmed, zoned, culture, DateTimeStyles.AllowWhiteSpaces, out var withOffset))
                {
                    return FromLocal(withOffset.UtcDateTime.Ticks, TimeSpan.Zero, null, text, out utc, out problem) ? 1 : 0;
                }
                if (local.Length > 0 && DateTime.TryParseExact(trimmed, local, culture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.NoCurrentDateDefault, out var parsed))
                {
                    if (parsed.Date == DateTime.MinValue.Date)
                    {
                        return TryPlaceOnDate(parsed.TimeOfDay, null, reading, text, incidentDate, out utc, out problem) ? 1 : 0;
                    }
                    return FromLocal(parsed.Ticks, null, reading, text, out utc, out problem) ? 1 : 0;
                }
            }
            catch (FormatException)
            {
            }
            return -1;
        }

        private static bool TrySyslog(Match match, DateTime? incidentDate, out DateTime local)
        {
            local = default;
            int month = Array.FindIndex(CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames,
                name => name.Length > 0 && name.Equals(match.Groups["mon"].Value, StringComparison.OrdinalIgnoreCase)) + 1;
            if (month == 0) return false;
            // The year is not written: the postmortem's (or the reader's -Date) year, else this one; a month after the
            // reference month is from the year before (a log read in January that began in December).
            var reference = incidentDate ?? DateTime.UtcNow;
            int year = month > reference.Month ? reference.Year - 1 : reference.Year;
            int day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
            int hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
            int minute = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
            int second = int.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture);
            if (year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return false;
            long fraction = match.Groups["f"].Success ? long.Parse(match.Groups["f"].Value.PadRight(7, '0'), CultureInfo.InvariantCulture) : 0;
            local = new DateTime(year, month, day, hour, minute, second).AddTicks(fraction);
            return true;
        }

        /// <summary>
        /// dd/MM/yyyy or MM/dd/yyyy (or with dots or dashes), and a time. Dots are day first; otherwise a part above 12
        /// tells which is the day, -Culture says the order, and a date that reads both ways is refused.
        /// </summary>
        private static bool TryNumericDate(Match m, TimeSpan? written, TimeReading? reading, string text, out DateTime utc, out string? problem, ref bool ambiguous)
        {
            utc = default;
            int a = int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture);
            int b = int.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture);
            int year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            if (m.Groups["y"].Length == 2) year += 2000;
            char sep = m.Groups["sep"].Value[0];
            TimeSpan timeOfDay = TimeSpan.Zero;
            string timeFormat = "";
            if (m.Groups["time"].Success)
            {
                var clock = ClockTime.Match(m.Groups["time"].Value.Trim());
                if (!clock.Success)
                {
                    problem = $"'{text}' is not a time. Give {Example}, or name its format with -TimeFormat (a .NET format such as 'dd.MM.yyyy HH:mm').";
                    return false;
                }
                int hours = int.Parse(clock.Groups["h"].Value, CultureInfo.InvariantCulture);
                int minutes = int.Parse(clock.Groups["m"].Value, CultureInfo.InvariantCulture);
                int seconds = clock.Groups["s"].Success ? int.Parse(clock.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
                long ticks = clock.Groups["f"].Success ? long.Parse(clock.Groups["f"].Value.PadRight(7, '0'), CultureInfo.InvariantCulture) : 0;
                bool twelve = clock.Groups["ampm"].Success;
                if (twelve)
                {
                    if (hours < 1 || hours > 12)
                    {
                        problem = $"'{text}' is not a time: with AM or PM the hours run 1-12. Give {Example}.";
                        return false;
                    }
                    hours = hours % 12 + (clock.Groups["ampm"].Value.Equals("PM", StringComparison.OrdinalIgnoreCase) ? 12 : 0);
                }
                if (hours > 23 || minutes > 59 || seconds > 59)
                {
                    problem = $"'{text}' is not a time of day: hours run 0-23 and minutes and seconds 0-59. Give {Example}.";
                    return false;
                }
                timeOfDay = new TimeSpan(hours, minutes, seconds) + TimeSpan.FromTicks(ticks);
                timeFormat = " " + (twelve ? "h:mm" : "HH:mm") + (clock.Groups["s"].Success ? ":ss" : "") + (twelve ? " tt" : "");
            }

            bool? dayFirst = null;
            var pattern = reading?.Culture?.DateTimeFormat.ShortDatePattern;
            if (pattern is not null)
            {
                int d = pattern.IndexOf('d'), mo = pattern.IndexOf('M');
                if (d >= 0 && mo >= 0 && pattern.IndexOf('y') > Math.Max(d, mo)) dayFirst = d < mo;
            }
            if (dayFirst is null)
            {
                if (sep == '.' || a > 12) dayFirst = true;
                else if (b > 12 || a == b) dayFirst = false;
                // A date only one order reads teaches a source's reading the order of its other dates.
                if (reading is not null && reading.LearnsDateOrder && reading.LearnedDayFirst is null && sep != '.' && a != b && dayFirst is bool taught)
                {
                    reading.LearnedDayFirst = taught;
                    reading.LearnedFrom = text;
                }
            }
            bool Valid(int day, int month) => month >= 1 && month <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
            if (dayFirst is null && reading?.LearnedDayFirst is bool learned && Valid(a, b) && Valid(b, a))
            {
                dayFirst = learned;
                reading.ReadByLearnedOrder++;
            }
            if (dayFirst is null)
            {
                if (Valid(a, b) && Valid(b, a))
                {
                    ambiguous = true;
                    string Long(int day, int month) => $"{day} {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month)} {year}";
                    string Part(string letter, int digits) => digits == 2 ? letter + letter : letter;
                    string s = sep.ToString();
                    string y = m.Groups["y"].Length == 2 ? "yy" : "yyyy";
                    var dayFormat = Part("d", m.Groups["a"].Length) + s + Part("M", m.Groups["b"].Length) + s + y + timeFormat;
                    var monthFormat = Part("M", m.Groups["a"].Length) + s + Part("d", m.Groups["b"].Length) + s + y + timeFormat;
                    problem = $"'{text}' could be {Long(a, b)} (day first) or {Long(b, a)} (month first). Say which: -TimeFormat '{dayFormat}' or -TimeFormat '{monthFormat}', or -Culture de-DE (day first) or -Culture en-US (month first).";
                    return false;
                }
                dayFirst = Valid(a, b);
            }
            int dayOf = dayFirst.Value ? a : b, monthOf = dayFirst.Value ? b : a;
            if (!Valid(dayOf, monthOf))
            {
                problem = $"'{text}' is not a date: read {(dayFirst.Value ? "day" : "month")} first, {(dayFirst.Value ? $"day {a} of month {b}" : $"month {a}, day {b}")} does not exist. Check it, or name its format with -TimeFormat.";
                return false;
            }
            var local = new DateTime(year, monthOf, dayOf) + timeOfDay;
            return FromLocal(local.Ticks, written, reading, text, out utc, out problem);
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
        internal static bool TryParsePlainTimeOfDay(string text, out TimeSpan timeOfDay) => TryParsePlainTimeOfDay(text, out timeOfDay, out _);

        internal static bool TryParsePlainTimeOfDay(string text, out TimeSpan timeOfDay, out bool zulu)
        {
            timeOfDay = default;
            int n = text.Length;
            zulu = n > 0 && (text[n - 1] == 'Z' || text[n - 1] == 'z');
            if (zulu) n--;
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

        /// <summary>A time of day on the incident date; with no offset written, in the reading's zone (UTC when none).</summary>
        private static bool TryPlaceOnDate(TimeSpan timeOfDay, TimeSpan? offset, TimeReading? reading, object original, DateTime? incidentDate, out DateTime utc, out string? problem)
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
            long ticks = incidentDate.Value.Date.Ticks + timeOfDay.Ticks - (offset ?? TimeSpan.Zero).Ticks;
            if (offset is null && reading is not null && reading.HasZone && ticks >= Earliest.Ticks && ticks <= Latest.Ticks &&
                !reading.TryToUtc(new DateTime(incidentDate.Value.Date.Ticks + timeOfDay.Ticks), original, out ticks, out problem))
            {
                problem += ".";
                return false;
            }
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
