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
    /// the phases between milestones shaded with patterns and named in a legend, so the chart reads in black-and-white.
    /// </summary>
    public static class TimelineChart
    {
        public const int Width = 960;
        private const int Left = 24;
        private const int Right = 24;
        private const int LaneHeight = 18;
        private const int FontSize = 11;

        /// <summary>How wide a label is taken to be: an average character of the chart's 11px sans-serif font, generously.</summary>
        public const double CharWidth = 6.4;

        private static readonly (string Name, Milestone From, Milestone[] To, string Pattern)[] Phases =
        {
            ("Undetected", Milestone.FirstSymptom, new[] { Milestone.Detected }, "pm-hatch"),
            ("Investigating", Milestone.Detected, new[] { Milestone.MitigationApplied, Milestone.ServiceRestored }, "pm-dots"),
            ("Mitigated", Milestone.MitigationApplied, new[] { Milestone.ServiceRestored }, "pm-cross"),
            ("Restored, watching", Milestone.ServiceRestored, new[] { Milestone.Resolved }, "pm-lines"),
        };

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
            {
                Text = text;
                X = x;
                Y = y;
                Width = width;
            }

            public string Text { get; }

            /// <summary>Left edge.</summary>
            public double X { get; }

            /// <summary>Baseline.</summary>
            public double Y { get; }

            public double Width { get; }

            public double Height => FontSize + 4;

            public bool Overlaps(LabelBox other) =>
                X < other.X + other.Width && other.X < X + Width && Y - Height < other.Y && other.Y - other.Height < Y;
        }

        /// <summary>The chart as an SVG document, or null for an empty timeline.</summary>
        public static string? Render(Postmortem postmortem) => Render(postmortem, out _);

        public static string? Render(Postmortem postmortem, out IReadOnlyList<LabelBox> labels)
        {
            labels = Array.Empty<LabelBox>();
            var timeline = postmortem.Timeline;
            if (timeline.Count == 0) return null;

            var first = timeline[0].UtcTime;
            var last = timeline[timeline.Count - 1].UtcTime;
            var span = last - first;
            if (span < TimeSpan.FromMinutes(10)) span = TimeSpan.FromMinutes(10);
            var pad = TimeSpan.FromTicks(span.Ticks / 25);
            var start = first - pad;
            var end = first + span + pad;
            double plot = Width - Left - Right;
            double X(DateTime t) => Left + (t - start).Ticks / (double)(end - start).Ticks * plot;

            // Milestone labels, in lanes above the axis: each goes into the first lane where it overlaps no other label.
            // Over more than a day a label names its day too.
            double top = 28;
            var labelFormat = first.Date != last.Date ? "MMM d HH:mm" : "HH:mm";
            var placed = new List<LabelBox>();
            var labelOf = new Dictionary<TimelineEvent, LabelBox>();
            var lanes = new List<List<LabelBox>>();
            foreach (var e in timeline.Where(e => e.Milestone != Milestone.None))
            {
                var text = Describe(e.Milestone) + " " + e.UtcTime.ToString(labelFormat, CultureInfo.InvariantCulture);
                double width = text.Length * CharWidth + 6;
                double x = Math.Max(Left, Math.Min(Width - Right - width, X(e.UtcTime) - width / 2));
                int lane = 0;
                while (lane < lanes.Count && lanes[lane].Any(b => x < b.X + b.Width + 4 && b.X < x + width + 4)) lane++;
                if (lane == lanes.Count) lanes.Add(new List<LabelBox>());
                var box = new LabelBox(text, x, top + (lane + 1) * LaneHeight, width);
                lanes[lane].Add(box);
                labelOf[e] = box;
                placed.Add(box);
            }
            int laneCount = Math.Max(lanes.Count, 1);
            double axisY = top + laneCount * LaneHeight + 34;
            double bandTop = axisY - 16;
            double legendY = axisY + 44;
            double height = legendY + 22;

            var svg = new StringBuilder(8192);
            svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pm-timeline-chart\" role=\"img\" width=\"").Append(Width).Append("\" height=\"").Append(N(height))
               .Append("\" viewBox=\"0 0 ").Append(Width).Append(' ').Append(N(height)).Append("\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\" font-size=\"").Append(FontSize).Append("\">\n");
            svg.Append("<title>").Append(Escape($"Timeline of {postmortem.Title}, {first:yyyy-MM-dd HH:mm} to {last:yyyy-MM-dd HH:mm} UTC")).Append("</title>\n");
            svg.Append("<defs>\n")
               .Append("<pattern id=\"pm-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fdecea\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#b42318\" stroke-width=\"2\"/></pattern>\n")
               .Append("<pattern id=\"pm-dots\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"#fff4e0\"/><circle cx=\"3\" cy=\"3\" r=\"1.2\" fill=\"#b54708\"/></pattern>\n")
               .Append("<pattern id=\"pm-cross\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"><rect width=\"8\" height=\"8\" fill=\"#e8f1fb\"/><path d=\"M0 0L8 8M8 0L0 8\" stroke=\"#175cd3\" stroke-width=\"0.8\"/></pattern>\n")
               .Append("<pattern id=\"pm-lines\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"#e7f6ec\"/><line x1=\"0\" y1=\"3\" x2=\"6\" y2=\"3\" stroke=\"#067647\" stroke-width=\"1\"/></pattern>\n")
               .Append("</defs>\n");

            // Phases.
            var shown = new List<(string Name, string Pattern)>();
            foreach (var (name, from, to, pattern) in Phases)
            {
                var a = timeline.Find(from);
                var b = to.Select(timeline.Find).FirstOrDefault(x => x is not null);
                if (a is null || b is null || b.UtcTime <= a.UtcTime) continue;
                double x1 = X(a.UtcTime), x2 = X(b.UtcTime);
                svg.Append("<rect class=\"pm-phase\" x=\"").Append(N(x1)).Append("\" y=\"").Append(N(bandTop)).Append("\" width=\"").Append(N(Math.Max(x2 - x1, 1)))
                   .Append("\" height=\"16\" fill=\"url(#").Append(pattern).Append(")\" stroke=\"#666\" stroke-width=\"0.5\"><title>")
                   .Append(Escape($"{name}: {a.UtcTime:HH:mm} to {b.UtcTime:HH:mm} UTC ({PostmortemMarkdown.FormatDuration(b.UtcTime - a.UtcTime)})")).Append("</title></rect>\n");
                shown.Add((name, pattern));
            }

            // Axis and ticks.
            svg.Append("<line x1=\"").Append(Left).Append("\" y1=\"").Append(N(axisY)).Append("\" x2=\"").Append(Width - Right).Append("\" y2=\"").Append(N(axisY)).Append("\" stroke=\"#1f2328\" stroke-width=\"1\"/>\n");
            var step = Steps.FirstOrDefault(s => (end - start).Ticks / s.Ticks <= 9);
            if (step == default) step = TimeSpan.FromDays(Math.Ceiling((end - start).TotalDays / 9));
            bool multiDay = start.Date != end.Date;
            var tick = new DateTime((start.Ticks / step.Ticks + 1) * step.Ticks, DateTimeKind.Utc);
            DateTime? lastDate = null;
            for (; tick < end; tick += step)
            {
                double x = X(tick);
                svg.Append("<line x1=\"").Append(N(x)).Append("\" y1=\"").Append(N(axisY)).Append("\" x2=\"").Append(N(x)).Append("\" y2=\"").Append(N(axisY + 5)).Append("\" stroke=\"#1f2328\"/>\n");
                var label = step >= TimeSpan.FromDays(1) ? tick.ToString("MMM d", CultureInfo.InvariantCulture) : tick.ToString("HH:mm", CultureInfo.InvariantCulture);
                svg.Append("<text x=\"").Append(N(x)).Append("\" y=\"").Append(N(axisY + 17)).Append("\" text-anchor=\"middle\" fill=\"#1f2328\">").Append(label).Append("</text>\n");
                if (multiDay && step < TimeSpan.FromDays(1) && lastDate != tick.Date)
                {
                    svg.Append("<text x=\"").Append(N(x)).Append("\" y=\"").Append(N(axisY + 30)).Append("\" text-anchor=\"middle\" fill=\"#57606a\">")
                       .Append(tick.ToString("MMM d", CultureInfo.InvariantCulture)).Append("</text>\n");
                    lastDate = tick.Date;
                }
            }
            svg.Append("<text x=\"").Append(Width - Right).Append("\" y=\"").Append(N(top - 12)).Append("\" text-anchor=\"end\" fill=\"#57606a\">Time (UTC)</text>\n");

            // Event markers; milestones bigger, with a leader line to their label.
            // Written straight into the page, one marker at a time: a timeline may hold many thousands of events.
            var axis = N(axisY);
            foreach (var e in timeline)
            {
                double x = X(e.UtcTime);
                if (e.Milestone == Milestone.None)
                {
                    svg.Append("<circle class=\"pm-event\" cx=\"").Append(N(x)).Append("\" cy=\"").Append(axis).Append("\" r=\"3.5\" fill=\"#ffffff\" stroke=\"#1f2328\" stroke-width=\"1.2\"><title>");
                    AppendTip(svg, e).Append("</title></circle>\n");
                    continue;
                }
                var label = labelOf[e];
                double labelY = label.Y;
                svg.Append("<line x1=\"").Append(N(x)).Append("\" y1=\"").Append(N(labelY + 3)).Append("\" x2=\"").Append(N(x)).Append("\" y2=\"").Append(N(axisY - 6)).Append("\" stroke=\"#8c959f\" stroke-dasharray=\"2 2\"/>\n");
                svg.Append("<path class=\"pm-milestone\" d=\"M").Append(N(x)).Append(' ').Append(N(axisY - 6)).Append("L").Append(N(x + 6)).Append(' ').Append(N(axisY))
                   .Append("L").Append(N(x)).Append(' ').Append(N(axisY + 6)).Append("L").Append(N(x - 6)).Append(' ').Append(N(axisY)).Append("Z\" fill=\"#1f2328\"><title>");
                AppendTip(svg, e).Append("</title></path>\n");
                svg.Append("<text class=\"pm-label\" x=\"").Append(N(label.X + 3)).Append("\" y=\"").Append(N(labelY)).Append("\" fill=\"#1f2328\">").Append(Escape(label.Text)).Append("</text>\n");
            }

            // Legend: the phases' patterns and names, so the chart does not rest on colour.
            double lx = Left;
            foreach (var (name, pattern) in shown)
            {
                svg.Append("<rect x=\"").Append(N(lx)).Append("\" y=\"").Append(N(legendY - 10)).Append("\" width=\"18\" height=\"12\" fill=\"url(#").Append(pattern).Append(")\" stroke=\"#666\" stroke-width=\"0.5\"/>\n");
                svg.Append("<text x=\"").Append(N(lx + 24)).Append("\" y=\"").Append(N(legendY)).Append("\" fill=\"#1f2328\">").Append(Escape(name)).Append("</text>\n");
                lx += 24 + name.Length * CharWidth + 18;
            }
            svg.Append("<path d=\"M").Append(N(lx + 6)).Append(' ').Append(N(legendY - 10)).Append("L").Append(N(lx + 12)).Append(' ').Append(N(legendY - 4)).Append("L").Append(N(lx + 6)).Append(' ').Append(N(legendY + 2))
               .Append("L").Append(N(lx)).Append(' ').Append(N(legendY - 4)).Append("Z\" fill=\"#1f2328\"/>\n");
            svg.Append("<text x=\"").Append(N(lx + 18)).Append("\" y=\"").Append(N(legendY)).Append("\" fill=\"#1f2328\">milestone</text>\n");
            svg.Append("<circle cx=\"").Append(N(lx + 90)).Append("\" cy=\"").Append(N(legendY - 4)).Append("\" r=\"3.5\" fill=\"#ffffff\" stroke=\"#1f2328\" stroke-width=\"1.2\"/>\n");
            svg.Append("<text x=\"").Append(N(lx + 98)).Append("\" y=\"").Append(N(legendY)).Append("\" fill=\"#1f2328\">event</text>\n");
            svg.Append("</svg>\n");
            labels = placed;
            return svg.ToString();
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
