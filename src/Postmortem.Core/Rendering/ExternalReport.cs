using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Text;
using Markdig;
using Markdig.Renderers;

namespace Postmortems.Rendering
{
    /// <summary>
    /// The customer-facing version of a postmortem, as a document of its own: its title, the incident's date and how long
    /// it lasted, then Summary, Customer Impact, What Happened and What We Are Doing, from the external version's own
    /// text. Nothing else of the postmortem goes in: no timeline, root cause, whys, factors, action items, people or links.
    /// These render what is there; <see cref="Privacy.ExternalCheck"/> decides whether it may be shown.
    /// </summary>
    public static class ExternalReport
    {
        /// <summary>What the document's heading and its wiki page's name start with.</summary>
        public const string Heading = "Incident report";

        /// <summary>The wiki page's name: "Incident report YYYY-MM-DD: title", or without the date when there is none, cut to what BookStack stores.</summary>
        public static string PageName(Postmortem postmortem)
        {
            var date = postmortem.Date is DateTime day ? " " + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;
            return BookStack.PostmortemPublisher.Shorten(Heading + date + ": " + postmortem.External.ShownTitle, BookStack.PostmortemPublisher.MaxStoredLength);
        }

        /// <summary>The external version in Markdown; without <paramref name="titleHeading"/> for a wiki page, whose name is its title.</summary>
        public static string Markdown(Postmortem postmortem, bool titleHeading = true)
        {
            if (postmortem is null) throw new ArgumentNullException(nameof(postmortem));
            var external = postmortem.External;
            var md = new StringBuilder(2048);
            if (titleHeading) md.Append("# ").Append(Heading).Append(": ").Append(MarkdownText.Inline(external.ShownTitle)).Append("\n\n");
            var header = new StringBuilder();
            if (postmortem.Date is DateTime date) header.Append("**Date:** ").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (external.CustomerDuration is TimeSpan duration && duration > TimeSpan.Zero)
            {
                if (header.Length > 0) header.Append("\\\n");
                header.Append("**Duration:** ").Append(Lasting(duration));
            }
            if (header.Length > 0) md.Append(header).Append("\n\n");
            foreach (var field in ExternalVersion.Fields)
            {
                if (field.Name == "Title" || external[field.Name] is not string text) continue;
                md.Append("## ").Append(field.Heading).Append("\n\n");
                md.Append(MarkdownFreeText.Write(text, FreeTextPlace.Prose, "", "")).Append("\n\n");
            }
            md.Length--;
            return md.ToString();
        }

        /// <summary>The body alone in HTML, for a wiki page or another page to hold.</summary>
        public static string HtmlFragment(Postmortem postmortem, bool titleHeading = true) => ToHtml(Markdown(postmortem, titleHeading));

        /// <summary>A standalone HTML page, with the same readable stylesheet as the postmortem's own.</summary>
        public static string HtmlPage(Postmortem postmortem)
        {
            var body = HtmlFragment(postmortem);
            return new StringBuilder(body.Length + 1200)
                .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .Append("<title>").Append(WebUtility.HtmlEncode(Heading + ": " + postmortem.External.ShownTitle)).Append("</title>\n")
                .Append("<style>").Append(PostmortemHtml.StyleSheet).Append("</style>\n</head>\n<body>\n<main>\n")
                .Append(body)
                .Append("</main>\n</body>\n</html>\n")
                .ToString();
        }

        /// <summary>A duration as customers read it: "38 minutes", "2 hours 5 minutes", "1 day 3 hours" (to the minute).</summary>
        public static string Lasting(TimeSpan duration)
        {
            long minutes = (long)Math.Round(duration.TotalMinutes, MidpointRounding.AwayFromZero);
            if (minutes < 1) return "less than a minute";
            long days = minutes / (24 * 60), hours = minutes / 60 % 24, rest = minutes % 60;
            var parts = new System.Collections.Generic.List<string>();
            if (days > 0) parts.Add(Count(days, "day"));
            if (hours > 0) parts.Add(Count(hours, "hour"));
            // Past a day the minutes are noise.
            if (rest > 0 && days == 0) parts.Add(Count(rest, "minute"));
            return string.Join(" ", parts);
        }

        private static string Count(long n, string unit) => n.ToString(CultureInfo.InvariantCulture) + " " + unit + (n == 1 ? "" : "s");

        private static string ToHtml(string markdown)
        {
            var document = Markdig.Markdown.Parse(markdown, PostmortemHtml.Pipeline);
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            var renderer = new HtmlRenderer(writer);
            PostmortemHtml.Pipeline.Setup(renderer);
            renderer.Render(document);
            writer.Flush();
            return writer.ToString();
        }
    }
}
