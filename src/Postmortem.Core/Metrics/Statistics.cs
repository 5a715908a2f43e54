using System;
using System.Collections.Generic;
using System.Linq;

namespace Postmortems.Metrics
{
    /// <summary>
    /// Median and 90th percentile as the README defines them: the median is the middle value (the mean of the two
    /// middle values for an even count); the 90th percentile is the nearest-rank value, the ⌈0.9·n⌉-th smallest.
    /// </summary>
    public static class Statistics
    {
        public static TimeSpan? Median(IEnumerable<TimeSpan> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            if (sorted.Count == 0) return null;
            int middle = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[middle] : TimeSpan.FromTicks((sorted[middle - 1].Ticks + sorted[middle].Ticks) / 2);
        }

        public static TimeSpan? Percentile90(IEnumerable<TimeSpan> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            if (sorted.Count == 0) return null;
            int rank = (int)Math.Ceiling(0.9 * sorted.Count);
            return sorted[Math.Max(rank, 1) - 1];
        }

        public static double? Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            if (sorted.Count == 0) return null;
            int middle = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }
}
