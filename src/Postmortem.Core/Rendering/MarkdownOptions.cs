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
        /// Dates and priorities in the tables never wrap on a wiki page, and a status wraps only between words: the page carries a style element
        /// (<see cref="PostmortemMarkdown.PageStyle"/>), in the Markdown as the first line of the block at the end of
        /// the Timeline section (with the chart, or alone), in the HTML fragment at its start. BookStack's stylesheet
        /// breaks words anywhere in a table cell, which made "2026-12-04" wrap mid-date.
        /// </summary>
        public bool UnbreakableDates { get; set; }
    }
}
