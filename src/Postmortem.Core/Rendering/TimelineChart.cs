using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Postmortems.Rendering
{
    /// <summary>
    /// The timeline drawn as SVG by the module itself, no library and no script: a UTC time axis with readable ticks,
    /// every event as a marker (its text as a tooltip), the milestones labelled in lanes so no two labels overlap, and
    /// the phases between milestones as bands named in a legend. The chart refers to no id (no url(#...), no defs):
    /// BookStack rewrites every id inside an inline SVG and leaves the references as they were, so anything drawn
    /// through an id renders empty there. A band tells its phase apart without colour by its shade and the dashes
    /// along its top edge, and names itself where it is wide enough. It is drawn 720 wide and scales to the column.
    /// </summary>
    public static class TimelineChart
    {
        /// <summary>The width the chart is drawn at; it is shown at the width of its column, up to 900px.</summary>
        public const int Width = 720;
        private const int Left = 16;
        private const int Right = 16;
        private const int LaneHeight = 16;
        private const int BandHeight = 18;
        private const int FontSize = 11;

        /// <summary>How wide a label is taken to be: an average character of the chart's 11px sans-serif font, generously.</summary>
        public const double CharWidth = 6.4;

        // For spacing the legend (11px) and fitting names into bands (10px): nearer the real width, as a gap too
        // many is harmless there.
        private const double LegendCharWidth = 6.0;
        private const double BandCharWidth = 5.9;

        /// <summary>A phase between milestones and how its band is drawn: a plain colour, a shade, and a dash pattern along its top.</summary>
        private sealed class Phase
        {
            public Phase(string name, Milestone from, Milestone[] to, string colour, string opacity, string? dashes)
            {
                Name = name;
                From = from;
                To = to;
                Colour = colour;
                Opacity = opacity;
                Dashes = dashes;
            }

            public string Name { get; }
            public Milestone From { get; }
            public Milestone[] To { get; }
            public string Colour { get; }
            public string Opacity { get; }
            public string? Dashes { get; }
        }

        // Darker to lighter in grey as the incident eases, with solid, long, medium, short and dotted edges: told apart
        // in black-and-white and without telling red from green. Recovering (root cause known, service not yet back)
        // is a phase of its own, so a long restore after the cause was found is not drawn as Investigating; without a
        // RootCauseIdentified milestone the chart is as it was.
        private static readonly Phase[] Phases =
        {
            new Phase("Undetected", Milestone.FirstSymptom, new[] { Milestone.Detected }, "#d92d20", ".6", null),
            new Phase("Investigating", Milestone.Detected, new[] { Milestone.RootCauseIdentified, Milestone.MitigationApplied, Milestone.ServiceRestored }, "#dc6803", ".5", "6 3"),
            new Phase("Recovering", Milestone.RootCauseIdentified, new[] { Milestone.MitigationApplied, Milestone.ServiceRestored }, "#7a5af8", ".42", "4 2"),
            new Phase("Mitigated", Milestone.MitigationApplied, new[] { Milestone.ServiceRestored }, "#2e90fa", ".35", "2 2"),
            new Phase("Restored, watching", Milestone.ServiceRestored, new[] { Milestone.Resolved }, "#17b26a", ".2", "1 3"),
        };

        // Drawn from the impact's times, not from milestones: users affected (or the service degrading) before anyone
        // saw a symptom. Darker than Undetected, with a dash-dot edge.
        private static readonly Phase ImpactBeforeDetection = new Phase("Impact before detection", Milestone.None, Array.Empty<Milestone>(), "#912018", ".75", "8 2 2 2");

        /// <summary>The data-loss window's thin bar above the phases, and its height.</summary>
        private const string DataLossColour = "#1f2328";
        private const int DataLossRow = 9;

        private static readonly TimeSpan[] Steps =
        {
            TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15),
            TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(3), TimeSpan.FromHours(6),
            TimeSpan.FromHours(12), TimeSpan.FromDays(1), TimeSpan.FromDays(2), TimeSpan.FromDays(7),
        };

        /// <summary>A placed milestone label, for drawing and for the test that no two overlap.</summary>
        public readonly struct LabelBox
        {
            public LabelBox(string text, double x, double y, double width)
                : this(text, x, y, width, x + width / 2)
            {
            }

            public LabelBox(string text, double x, double y, double width, double leader)
            {
                Text = text;
                X = x;
                Y = y;
                Width = width;
                Leader = leader;
            }

            public string Text { get; }

            /// <summary>Left edge.</summary>
            public double X { get; }

            /// <summary>Baseline.</summary>
            public double Y { get; }

            public double Width { get; }

            /// <summary>Where the line from the label down to its milestone runs.</summary>
            public double Leader { get; }

            public double Height => FontSize + 4;

            /// <summary>Whether the leader line of a label above this one would run through this one.</summary>
            public bool IsCrossedBy(LabelBox above) => above.Y < Y && above.Leader > X - 2 && above.Leader < X + Width + 2;

            public bool Overlaps(LabelBox other) =>
                X < other.X + other.Width && other.X < X + Width && Y - Height < other.Y && other.Y - other.Height < Y;
        }

        /// <summary>The chart as an SVG document, one element to a line and no blank line, or null for an empty timeline.</summary>
        public static string? Render(Postmortem postmortem) => Render(postmortem, out _);

        public static string? Render(Postmortem postmortem, out IReadOnlyList<LabelBox> labels) => Draw(postmortem, "\n", out labels);

        /// <summary>
        /// The same chart on one line, for a Markdown page: the HTML block it sits in ends at a blank line, and one line
        /// is all a reviewer scrolls past in BookStack's markdown editor. Null for an empty timeline.
        /// </summary>
        public static string? RenderOneLine(Postmortem postmortem) => Draw(postmortem, "", out _);

        private static string? Draw(Postmortem postmortem, string nl, out IReadOnlyList<LabelBox> labels)
        {
            labels = Array.Empty<LabelBox>();
            var timeline = postmortem.Timeline;
            // An event whose time is unknown has no point on a time axis: the table shows it in its place.
            var timed = timeline.Where(e => !e.TimeUnknown).ToList();
            if (timed.Count == 0) return null;

            var first = timed[0].UtcTime;
            var last = timed[timed.Count - 1].UtcTime;
            // The impact's times draw where they fall, and the axis reaches them; without them it spans the events.
            var (unseen, lost) = ImpactBands(postmortem);
            var axisFirst = first;
            var axisLast = last;
            if (unseen is (DateTime unseenFrom, DateTime _) && unseenFrom < axisFirst) axisFirst = unseenFrom;
            if (lost is (DateTime lostFrom, DateTime lostTo))
            {
                if (lostFrom < axisFirst) axisFirst = lostFrom;
                if (lostTo > axisLast) axisLast = lostTo;
            }
            var span = axisLast - axisFirst;
            if (span < TimeSpan.FromMinutes(10)) span = TimeSpan.FromMinutes(10);
            var pad = TimeSpan.FromTicks(span.Ticks / 25);
            var start = axisFirst - pad;
            var end = axisFirst + span + pad;
            double plot = Width - Left - Right;
            double X(DateTime t) => Left + (t - start).Ticks / (double)(end - start).Ticks * plot;

            // Milestone labels, in lanes above the axis. Over more than a day a label names its day too.
            const double top = 4;
            var labelFormat = first.Date != last.Date ? "MMM d HH:mm" : "HH:mm";
            var milestones = timeline.Where(e => e.Milestone != Milestone.None).ToList();
            var texts = milestones.Select(e => Describe(e.Milestone) + " " + e.UtcTime.ToString(labelFormat, CultureInfo.InvariantCulture)).ToList();
            var leaders = milestones.Select(e => X(e.UtcTime)).ToList();
            var placed = PlaceLabels(texts, leaders, top + 12, out int laneCount);
            double bandTop = top + laneCount * LaneHeight + 8;
            // The data-loss bar takes a row of its own right above the phases.
            double lossTop = bandTop;
            if (lost is not null) bandTop += DataLossRow;
            double axisY = bandTop + BandHeight;
            var step = Steps.FirstOrDefault(s => (end - start).Ticks / s.Ticks <= 9);
            if (step == default) step = TimeSpan.FromDays(Math.Ceiling((end - start).TotalDays / 9));
            bool dayRow = start.Date != end.Date && step < TimeSpan.FromDays(1);
            double legendY = axisY + (dayRow ? 50 : 38);

            // The legend first, to know the height: it wraps onto a second row in a narrow chart.
            var legend = new StringBuilder(1024);
            var shown = new List<(Phase Phase, DateTime From, DateTime To)>();
            if (unseen is (DateTime impactFrom, DateTime noticed)) shown.Add((ImpactBeforeDetection, impactFrom, noticed));
            foreach (var phase in Phases)
            {
                var a = timeline.Find(phase.From);
                var b = phase.To.Select(timeline.Find).FirstOrDefault(x => x is not null);
                if (a is null || b is null || b.UtcTime <= a.UtcTime) continue;
                shown.Add((phase, a.UtcTime, b.UtcTime));
            }
            double lx = Left, ly = legendY;
            void Room(double width)
            {
                if (lx > Left && lx + width > Width - Right)
                {
                    lx = Left;
                    ly += 18;
                }
            }
            foreach (var (phase, _, _) in shown)
            {
                double width = 27 + phase.Name.Length * LegendCharWidth;
                Room(width);
                legend.Append("<rect class=\"pm-swatch\" x=\"").Append(N(lx)).Append("\" y=\"").Append(N(ly - 10)).Append("\" width=\"22\" height=\"12\"");
                Fill(legend, phase).Append("/>").Append(nl);
                Edge(legend, phase, lx, lx + 22, ly - 10).Append(nl);
                legend.Append("<text x=\"").Append(N(lx + 27)).Append("\" y=\"").Append(N(ly)).Append("\">").Append(Escape(phase.Name)).Append("</text>").Append(nl);
                lx += width + 12;
            }
            if (lost is not null)
            {
                const string name = "Data-loss window";
                double width = 27 + name.Length * LegendCharWidth;
                Room(width);
                legend.Append("<rect class=\"pm-swatch\" x=\"").Append(N(lx)).Append("\" y=\"").Append(N(ly - 7)).Append("\" width=\"22\" height=\"5\" fill=\"")
                      .Append(DataLossColour).Append("\" fill-opacity=\".6\"/>").Append(nl);
                legend.Append("<text x=\"").Append(N(lx + 27)).Append("\" y=\"").Append(N(ly)).Append("\">").Append(name).Append("</text>").Append(nl);
                lx += width + 12;
            }
            Room(70);
            legend.Append("<path d=\"M").Append(N(lx + 6)).Append(' ').Append(N(ly - 10)).Append("l6 6-6 6-6-6z\"/>").Append(nl)
                  .Append("<text x=\"").Append(N(lx + 16)).Append("\" y=\"").Append(N(ly)).Append("\">milestone</text>").Append(nl);
            lx += 16 + 9 * LegendCharWidth + 12;
            Room(42);
            legend.Append("<circle cx=\"").Append(N(lx + 4)).Append("\" cy=\"").Append(N(ly - 4)).Append("\" r=\"3.5\" fill=\"#fff\" stroke=\"#1f2328\" stroke-width=\"1.2\"/>").Append(nl)
                  .Append("<text x=\"").Append(N(lx + 12)).Append("\" y=\"").Append(N(ly)).Append("\">event</text>").Append(nl);
            lx += 12 + 5 * LegendCharWidth + 12;
            Room(12 * LegendCharWidth);
            legend.Append("<text x=\"").Append(N(Width - Right)).Append("\" y=\"").Append(N(ly)).Append("\" text-anchor=\"end\" fill=\"#57606a\">times in UTC</text>").Append(nl);
            double height = ly + 7;

            var svg = new StringBuilder(4096 + timeline.Count * 120);
            svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pm-timeline-chart\" role=\"img\" viewBox=\"0 0 ").Append(Width).Append(' ').Append(N(height))
               .Append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" style=\"max-width:900px;background:#fff\" font-family=\"system-ui,sans-serif\" font-size=\"").Append(FontSize)
               .Append("\" fill=\"#1f2328\">").Append(nl);
            svg.Append("<title>").Append(Escape($"Timeline of {postmortem.Title}, {first:yyyy-MM-dd HH:mm} to {last:yyyy-MM-dd HH:mm} UTC")).Append("</title>").Append(nl);

            // Phases: a band each, with its dashed top edge, and its name inside where there is room between milestones.
            foreach (var (phase, a, b) in shown)
            {
                double x1 = X(a), x2 = X(b);
                svg.Append("<rect class=\"pm-phase\" x=\"").Append(N(x1)).Append("\" y=\"").Append(N(bandTop)).Append("\" width=\"").Append(N(Math.Max(x2 - x1, 1)))
                   .Append("\" height=\"").Append(BandHeight).Append('"');
                Fill(svg, phase).Append("><title>")
                   .Append(Escape($"{phase.Name}: {a:HH:mm} to {b:HH:mm} UTC ({PostmortemMarkdown.FormatDuration(b - a)})")).Append("</title></rect>").Append(nl);
                Edge(svg, phase, x1, Math.Max(x2, x1 + 1), bandTop).Append(nl);
                double textWidth = phase.Name.Length * BandCharWidth;
                var stops = leaders.Where(x => x > x1 + 7 && x < x2 - 7).Append(x1).Append(x2).OrderBy(x => x).ToList();
                var gap = stops.Zip(stops.Skip(1), (l, r) => (Left: l, Right: r)).OrderByDescending(g => g.Right - g.Left).First();
                if (gap.Right - gap.Left - 16 >= textWidth)
                {
                    svg.Append("<text x=\"").Append(N((gap.Left + gap.Right) / 2)).Append("\" y=\"").Append(N(axisY - 6)).Append("\" font-size=\"10\" text-anchor=\"middle\">")
                       .Append(Escape(phase.Name)).Append("</text>").Append(nl);
                }
            }

            // The data-loss window: a thin bar over the phases, from the last data kept to the first data kept again.
            if (lost is (DateTime lossFrom, DateTime lossTo))
            {
                double x1 = X(lossFrom), x2 = X(lossTo);
                svg.Append("<rect class=\"pm-data-loss\" x=\"").Append(N(x1)).Append("\" y=\"").Append(N(lossTop + 1)).Append("\" width=\"").Append(N(Math.Max(x2 - x1, 1)))
                   .Append("\" height=\"5\" fill=\"").Append(DataLossColour).Append("\" fill-opacity=\".6\"><title>")
                   .Append(Escape($"Data-loss window: {lossFrom:yyyy-MM-dd HH:mm} to {lossTo:yyyy-MM-dd HH:mm} UTC ({PostmortemMarkdown.FormatDuration(lossTo - lossFrom)})")).Append("</title></rect>").Append(nl);
            }

            // Leader lines from the milestones up to their labels, in one path.
            if (placed.Length > 0)
            {
                svg.Append("<path d=\"");
                for (int i = 0; i < placed.Length; i++)
                {
                    svg.Append('M').Append(N(leaders[i])).Append(' ').Append(N(placed[i].Y + 3)).Append('V').Append(N(axisY - 6));
                }
                svg.Append("\" stroke=\"#8c959f\" stroke-width=\".8\"/>").Append(nl);
            }

            // Axis and ticks, in one path; then the tick labels, and the day under the first tick of each day.
            var tick = new DateTime((start.Ticks / step.Ticks + 1) * step.Ticks, DateTimeKind.Utc);
            var ticks = new List<DateTime>();
            for (; tick < end; tick += step) ticks.Add(tick);
            svg.Append("<path d=\"M").Append(Left).Append(' ').Append(N(axisY)).Append('H').Append(Width - Right);
            foreach (var t in ticks) svg.Append('M').Append(N(X(t))).Append(' ').Append(N(axisY)).Append("v5");
            svg.Append("\" stroke=\"#1f2328\"/>").Append(nl);
            svg.Append("<g text-anchor=\"middle\">").Append(nl);
            DateTime? lastDate = null;
            foreach (var t in ticks)
            {
                var label = step >= TimeSpan.FromDays(1) ? t.ToString("MMM d", CultureInfo.InvariantCulture) : t.ToString("HH:mm", CultureInfo.InvariantCulture);
                svg.Append("<text x=\"").Append(N(X(t))).Append("\" y=\"").Append(N(axisY + 17)).Append("\">").Append(label).Append("</text>").Append(nl);
                if (dayRow && lastDate != t.Date)
                {
                    svg.Append("<text x=\"").Append(N(X(t))).Append("\" y=\"").Append(N(axisY + 30)).Append("\" fill=\"#57606a\">")
                       .Append(t.ToString("MMM d", CultureInfo.InvariantCulture)).Append("</text>").Append(nl);
                    lastDate = t.Date;
                }
            }
            svg.Append("</g>").Append(nl);

            // Event markers, then the milestones over them with their labels.
            // Written straight into the page, one marker at a time: a timeline may hold many thousands of events.
            var axis = N(axisY);
            if (timed.Any(e => e.Milestone == Milestone.None))
            {
                svg.Append("<g fill=\"#fff\" stroke=\"#1f2328\" stroke-width=\"1.2\">").Append(nl);
                foreach (var e in timed.Where(e => e.Milestone == Milestone.None))
                {
                    svg.Append("<circle class=\"pm-event\" cx=\"").Append(N(X(e.UtcTime))).Append("\" cy=\"").Append(axis).Append("\" r=\"3.5\"><title>");
                    AppendTip(svg, e).Append("</title></circle>").Append(nl);
                }
                svg.Append("</g>").Append(nl);
            }
            for (int i = 0; i < placed.Length; i++)
            {
                svg.Append("<path class=\"pm-milestone\" d=\"M").Append(N(leaders[i])).Append(' ').Append(N(axisY - 6)).Append("l6 6-6 6-6-6z\"><title>");
                AppendTip(svg, milestones[i]).Append("</title></path>").Append(nl);
                var label = placed[i];
                svg.Append("<text class=\"pm-label\" x=\"").Append(N(label.X + 3)).Append("\" y=\"").Append(N(label.Y)).Append("\">").Append(Escape(label.Text)).Append("</text>").Append(nl);
            }

            svg.Append(legend).Append("</svg>").Append(nl);
            labels = placed;
            return svg.ToString();
        }

        /// <summary>
        /// The stretches the impact's times add: the impact before detection, from the earlier of ImpactStart and
        /// DegradationStart to the first of the FirstSymptom and Detected milestones, when it starts before them; and the
        /// data-loss window, when both its ends are set and it runs forwards. Null where there is none.
        /// </summary>
        private static ((DateTime From, DateTime To)? Unseen, (DateTime From, DateTime To)? Lost) ImpactBands(Postmortem postmortem)
        {
            var impact = postmortem.Impact;
            if (!impact.HasTimes) return (null, null);
            (DateTime, DateTime)? unseen = null, lost = null;
            var began = new[] { impact.ImpactStart, impact.DegradationStart }.Where(t => t.HasValue).Select(t => t!.Value).DefaultIfEmpty().Min();
            var seen = new[] { postmortem.Timeline.Find(Milestone.FirstSymptom), postmortem.Timeline.Find(Milestone.Detected) }
                .Where(e => e is not null).Select(e => e!.UtcTime).DefaultIfEmpty().Min();
            if (began != default && seen != default && began < seen) unseen = (began, seen);
            if (impact.DataLossStart is DateTime from && impact.DataLossEnd is DateTime to && to > from) lost = (from, to);
            return (unseen, lost);
        }

        /// <summary>
        /// Places the milestone labels in lanes, lane 0 at the top: each in the first lane where it overlaps no other
        /// label and no leader line runs through a label, centred over its milestone or else beside its leader line.
        /// Near the left edge the earlier of two close labels must go higher, near the right edge the later, so the
        /// labels are placed in a few orders and the layout without crossings and with the fewest lanes is kept.
        /// Where milestones crowd so that no lane is clear of leader lines, a label takes the first lane free of labels.
        /// </summary>
        private static LabelBox[] PlaceLabels(List<string> texts, List<double> leaders, double firstBaseline, out int laneCount)
        {
            int n = texts.Count;
            var forward = Enumerable.Range(0, n).ToArray();
            var orders = new List<int[]> { forward };
            // Many milestones (a timeline imported whole) are placed the cheap way only: the first lane free of labels.
            bool avoidCrossings = n <= 40;
            if (avoidCrossings)
            {
                orders.Add(Enumerable.Range(0, n).Select(i => i % 2 == 0 ? i / 2 : n - 1 - i / 2).ToArray());
                orders.Add(Enumerable.Range(0, n).Select(i => n - 1 - i).ToArray());
            }
            LabelBox[]? best = null;
            int bestCrossings = int.MaxValue;
            laneCount = 0;
            foreach (var order in orders)
            {
                var boxes = new LabelBox[n];
                var lanes = new List<List<LabelBox>>();
                var placed = new List<LabelBox>();
                foreach (var i in order)
                {
                    double width = texts[i].Length * CharWidth + 6;
                    var choices = new[] { leaders[i] - width / 2, leaders[i] - 3, leaders[i] - width + 3 }
                        .Select(x => Math.Max(Left, Math.Min(Width - Right - width, x))).Distinct().ToList();
                    bool Free(int lane, double x) =>
                        lane >= lanes.Count || !lanes[lane].Any(b => x < b.X + b.Width + 4 && b.X < x + width + 4);
                    LabelBox Box(int lane, double x) => new LabelBox(texts[i], x, firstBaseline + lane * LaneHeight, width, leaders[i]);
                    int chosenLane = -1;
                    for (int lane = 0; avoidCrossings && lane <= lanes.Count && chosenLane < 0; lane++)
                    {
                        foreach (var x in choices)
                        {
                            var candidate = Box(lane, x);
                            if (Free(lane, x) && !placed.Any(b => candidate.IsCrossedBy(b) || b.IsCrossedBy(candidate)))
                            {
                                boxes[i] = candidate;
                                chosenLane = lane;
                                break;
                            }
                        }
                    }
                    if (chosenLane < 0)
                    {
                        chosenLane = 0;
                        while (!Free(chosenLane, choices[0])) chosenLane++;
                        boxes[i] = Box(chosenLane, choices[0]);
                    }
                    if (chosenLane == lanes.Count) lanes.Add(new List<LabelBox>());
                    lanes[chosenLane].Add(boxes[i]);
                    placed.Add(boxes[i]);
                }
                int crossings = avoidCrossings ? boxes.Sum(b => boxes.Count(b.IsCrossedBy)) : 0;
                if (best is null || crossings < bestCrossings || (crossings == bestCrossings && lanes.Count < laneCount))
                {
                    best = boxes;
                    bestCrossings = crossings;
                    laneCount = lanes.Count;
                }
            }
            return best!;
        }

        private static StringBuilder Fill(StringBuilder builder, Phase phase) =>
            builder.Append(" fill=\"").Append(phase.Colour).Append("\" fill-opacity=\"").Append(phase.Opacity).Append('"');

        // The phase's top edge in its own colour and dashes.
        private static StringBuilder Edge(StringBuilder builder, Phase phase, double x1, double x2, double y)
        {
            builder.Append("<path d=\"M").Append(N(x1)).Append(' ').Append(N(y + 1)).Append('H').Append(N(x2)).Append("\" stroke=\"").Append(phase.Colour).Append("\" stroke-width=\"2\"");
            if (phase.Dashes is not null) builder.Append(" stroke-dasharray=\"").Append(phase.Dashes).Append('"');
            return builder.Append("/>");
        }

        private static string Describe(Milestone milestone) => milestone switch
        {
            Milestone.FirstSymptom => "First symptom",
            Milestone.Detected => "Detected",
            Milestone.InvestigationStarted => "Investigation",
            Milestone.RootCauseIdentified => "Root cause",
            Milestone.MitigationApplied => "Mitigated",
            Milestone.ServiceRestored => "Restored",
            Milestone.Resolved => "Resolved",
            _ => milestone.ToString(),
        };

        private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

        // "2026-11-20 14:02:33 UTC: what happened", escaped.
        private static StringBuilder AppendTip(StringBuilder builder, TimelineEvent e)
        {
            // An approximate time reads ~23:30 here as in the table.
            if (e.Approximate) builder.Append('~');
            builder.Append(e.UtcTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append(" UTC: ");
            return AppendEscaped(builder, e.Event);
        }

        /// <summary>Text for XML content and attributes: nothing in it can become markup.</summary>
        public static string Escape(string text) => AppendEscaped(new StringBuilder(text.Length + 16), text).ToString();

        private static StringBuilder AppendEscaped(StringBuilder builder, string text)
        {
            foreach (var c in text)
            {
                switch (c)
                {
                    case '&': builder.Append("&amp;"); break;
                    case '<': builder.Append("&lt;"); break;
                    case '>': builder.Append("&gt;"); break;
                    case '"': builder.Append("&quot;"); break;
                    case '\'': builder.Append("&#39;"); break;
                    case '\n': builder.Append("&#10;"); break;
                    default:
                        // Control characters are not allowed in XML 1.0.
                        if (c < 0x20 && c != '\t') builder.Append(' ');
                        else builder.Append(c);
                        break;
                }
            }
            return builder;
        }
    }
}
