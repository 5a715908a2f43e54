namespace Postmortems.Rendering
{
    /// <summary>How <see cref="PostmortemMarkdown.Render(Postmortem, MarkdownOptions)"/> writes the page.</summary>
    public sealed class MarkdownOptions
    {
        /// <summary>YAML front matter first, for what the page cannot show, so the text reloads as the same postmortem.</summary>
        public bool FrontMatter { get; set; }

        /// <summary>
        /// The "# Postmortem: title" heading (on by default). A wiki page shows its name as its title, so the page's
        /// body leaves it out; the reader then takes the title from the page's name.
        /// </summary>
        public bool TitleHeading { get; set; } = true;

        /// <summary>
        /// The timeline chart, as one raw HTML block at the end of the Timeline section, delimited by HTML comments,
        /// for a wiki that keeps inline SVG (BookStack does). The reader ignores it.
        /// </summary>
        public bool TimelineChart { get; set; }

        /// <summary>
        /// Dates in the tables (a Time cell's date, a Due Date) written with non-breaking hyphens (U+2011), and a
        /// non-breaking space between a date and its time, so a narrow column never wraps mid-date. For a wiki page,
        /// whose stylesheet knows nothing of the module's tables; the reader takes either as a hyphen and a space.
        /// </summary>
        public bool UnbreakableDates { get; set; }
    }
}
