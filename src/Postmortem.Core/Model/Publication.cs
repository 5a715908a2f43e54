using System;
using System.Collections.Generic;

namespace Postmortems
{
    /// <summary>
    /// What the last publish of a postmortem to BookStack left: which page, the page's state right after our write
    /// (so a later edit by anyone else shows), a digest of what was sent (so an unchanged postmortem is not written
    /// again), the tags given with -Tag, and the postmortem as published: the common base a three-way merge of the
    /// local draft and the wiki page starts from. It travels in the YAML draft and the Markdown front matter, so a
    /// teammate's clone knows it too.
    /// </summary>
    public sealed class Publication
    {
        /// <summary>BookStack's base address, such as https://wiki.example.org/.</summary>
        public string Server { get; set; } = string.Empty;

        public int PageId { get; set; }

        public int BookId { get; set; }

        /// <summary>Null for a page directly in the book.</summary>
        public int? ChapterId { get; set; }

        /// <summary>The page's updated_at right after our write.</summary>
        public DateTimeOffset UpdatedAt { get; set; }

        /// <summary>The page's updated_by right after our write: the API token's user.</summary>
        public int UpdatedById { get; set; }

        public string? UpdatedByName { get; set; }

        /// <summary>The SHA-256 (hex) of what was sent: the page name, its content and the module's tags.</summary>
        public string Digest { get; set; } = string.Empty;

        /// <summary>
        /// The SHA-256 (hex) of the page as BookStack stored it right after our write (its name and markdown, or its
        /// HTML as rewritten): the page still holds this when nobody changed its content since.
        /// </summary>
        public string PageDigest { get; set; } = string.Empty;

        /// <summary>The tags given with -Tag (name=value or name), kept for the next publish.</summary>
        public List<string> Tags { get; } = new List<string>();

        /// <summary>The postmortem as published, as a YAML draft: the base of a three-way merge. Null when not known.</summary>
        public string? Base { get; set; }

        /// <summary>A copy that shares nothing with this one. A property added above belongs here too.</summary>
        internal Publication Copy()
        {
            var copy = new Publication
            {
                Server = Server,
                PageId = PageId,
                BookId = BookId,
                ChapterId = ChapterId,
                UpdatedAt = UpdatedAt,
                UpdatedById = UpdatedById,
                UpdatedByName = UpdatedByName,
                Digest = Digest,
                PageDigest = PageDigest,
                Base = Base,
            };
            copy.Tags.AddRange(Tags);
            return copy;
        }

        public override string ToString() => $"page {PageId} on {Server}, as of {Rendering.ReadableTime.UtcSeconds(UpdatedAt.UtcDateTime)}";
    }
}
