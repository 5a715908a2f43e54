using System;
using System.Globalization;

namespace Postmortems.Gathering
{
    /// <summary>
    /// Reads Unix epoch times, telling seconds, milliseconds, microseconds and nanoseconds apart by magnitude:
    /// any time between 1973 and 5138 has a different number of digits in each unit.
    /// </summary>
    public static class EpochTime
    {
        private static readonly DateTime Epoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        public static bool TryParse(string text, out DateTime utc)
        {
            utc = default;
            if (!decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return false;
            return TryFromNumber(value, out utc);
        }

        public static bool TryFromNumber(decimal value, out DateTime utc)
        {
            utc = default;
            if (value <= 0) return false;
            decimal seconds;
            if (value < 1e11m) seconds = value;                 // seconds (1973-5138)
            else if (value < 1e14m) seconds = value / 1e3m;     // milliseconds
            else if (value < 1e17m) seconds = value / 1e6m;     // microseconds
            else if (value < 1e20m) seconds = value / 1e9m;     // nanoseconds
            else return false;
            var ticks = decimal.Round(seconds * TimeSpan.TicksPerSecond);
            if (ticks > (DateTime.MaxValue - Epoch).Ticks) return false;
            utc = Epoch.AddTicks((long)ticks);
            return true;
        }
    }
}
