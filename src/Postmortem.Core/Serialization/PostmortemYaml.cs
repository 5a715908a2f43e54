using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Postmortems.Rendering;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Postmortems.Serialization
{
    /// <summary>
    /// The YAML draft format: every section of the postmortem under a fixed key order, long and multi-line text
    /// as block scalars, readable and editable by hand. Reading is strict about types and names the line of any
    /// problem; unknown keys are read past with a warning.
    /// </summary>
    public static class PostmortemYaml
    {
        public const string Header = "Postmortem draft. Edit it freely; Import-Postmortem reads it back.";

        // Plain text that a YAML reader would take for something other than a string: null, booleans, numbers, dates.
        private static readonly Regex AmbiguousPlain = new Regex(
            @"^(~|null|true|false|yes|no|on|off|y|n|[-+]?(\d[\d_,]*)?(\.\d*)?([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(inf|nan)|\d{4}-\d{2}-\d{2}.*|\d+:\d+(:\d+)?)$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private const int LongText = 100;

        public static string Write(Postmortem postmortem) => Write(postmortem, withPublication: true);

        /// <summary>The draft; without its publication record for the base a publication keeps (which must not nest).</summary>
        internal static string Write(Postmortem postmortem, bool withPublication) => Write(postmortem, withPublication, withReview: true, withFollowUp: true, withExternal: true);

        /// <summary>
        /// A fingerprint of what the postmortem says (every section of the template), apart from its review and
        /// publication records and from where each action item stands (its status, reason, done date and tracking),
        /// which stay open to change on a final postmortem: what a reviewer approved, so an edit made after the
        /// approval shows, and following the items up does not. The external version is left out too: it stays open to
        /// change on a final postmortem and has sign-offs of its own (<see cref="ExternalVersion.ContentDigest"/>).
        /// </summary>
        public static string ContentDigest(Postmortem postmortem) => Digest(Write(postmortem, withPublication: false, withReview: false, withFollowUp: false, withExternal: false));

        /// <summary>
        /// The fingerprint sign-offs recorded before <see cref="ContentDigest"/> left the items' follow-up out: it still
        /// vouches for content unchanged since, with the items as they stood at the approval.
        /// </summary>
        internal static string ContentDigestWithFollowUp(Postmortem postmortem) => Digest(Write(postmortem, withPublication: false, withReview: false, withFollowUp: true, withExternal: false));

        private static string Digest(string text)
        {
            using var sha = System.Security.Cryptography.SHA256.Create();
            var hash = sha.ComputeHash(System.Text.Encoding.UTF8.GetBytes(text));
            return string.Concat(hash.Take(16).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
        }

        private static string Write(Postmortem postmortem, bool withPublication, bool withReview, bool withFollowUp, bool withExternal)
        {
            if (postmortem is null) throw new ArgumentNullException(nameof(postmortem));
            var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            // YamlDotNet folds a long double-quoted line at a space, and a tab right after that space then starts the
            // next line, where the reader takes it for indentation: a draft with such text is written unfolded.
            bool unfolded = ReadBack.Texts(postmortem).Any(t => t.Text is string text && NeedsDoubleQuotes(text) && text.IndexOf('\t') >= 0);
            var emitter = new Emitter(writer, new EmitterSettings().WithBestWidth(unfolded ? int.MaxValue / 2 : 100).WithNewLine("\n").WithIndentedSequences());
            emitter.Emit(new StreamStart());
            emitter.Emit(new DocumentStart());
            emitter.Emit(new Comment(Header, false));
            emitter.Emit(new MappingStart());
            var p = postmortem;
            Key(emitter, "id"); Plain(emitter, p.Id.ToString("D"));
            Key(emitter, "title"); Text(emitter, p.Title);
            Key(emitter, "date"); Plain(emitter, Date(p.Date));
            Key(emitter, "duration"); Plain(emitter, p.ExplicitDuration is TimeSpan d ? MarkdownFrontMatter.DurationText(d) : null);
            Key(emitter, "severity"); Plain(emitter, p.Severity?.ToString());
            Key(emitter, "status"); Plain(emitter, p.Status?.ToString());
            Key(emitter, "context"); Plain(emitter, p.Context?.ToString());
            if (withReview) { Key(emitter, "state"); Plain(emitter, p.State.ToString()); }
            Key(emitter, "authors"); TextList(emitter, p.Authors);
            Key(emitter, "reviewers"); TextList(emitter, p.Reviewers);
            Key(emitter, "executiveSummary"); Text(emitter, p.ExecutiveSummary);
            Key(emitter, "timeline");
            emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
            foreach (var e in p.Timeline)
            {
                emitter.Emit(new MappingStart());
                // An unknown time is written so; its place is its place in the list.
                Key(emitter, "time"); Plain(emitter, e.TimeUnknown ? TimelineTime.UnknownText : Time(e.UtcTime));
                // Only when true, so that a draft without approximate times reads as it always did.
                if (e.Approximate) { Key(emitter, "approximate"); Plain(emitter, "true"); }
                Key(emitter, "event"); Text(emitter, e.Event);
                if (e.Milestone != Milestone.None) { Key(emitter, "milestone"); Plain(emitter, e.Milestone.ToString()); }
                Key(emitter, "source"); Text(emitter, e.Source);
                emitter.Emit(new MappingEnd());
            }
            emitter.Emit(new SequenceEnd());
            Key(emitter, "impact");
            emitter.Emit(new MappingStart());
            Key(emitter, "servicesAffected"); TextList(emitter, p.Impact.ServicesAffected);
            Key(emitter, "usersAffected"); Text(emitter, p.Impact.UsersAffected);
            Key(emitter, "dataLoss"); Plain(emitter, p.Impact.DataLoss is bool lost ? (lost ? "true" : "false") : null);
            Key(emitter, "dataLossDescription"); Text(emitter, p.Impact.DataLossDescription);
            Key(emitter, "revenueImpact"); Text(emitter, p.Impact.RevenueImpact);
            // Only the times that are set, so a draft without them reads as it always did.
            foreach (var which in ImpactTimes)
            {
                if (p.Impact.TimeOf(which) is DateTime at) { Key(emitter, ImpactTimeKey(which)); Plain(emitter, Time(at)); }
            }
            emitter.Emit(new MappingEnd());
            Key(emitter, "rootCause"); Text(emitter, p.RootCause);
            Key(emitter, "whys"); TextList(emitter, p.Whys);
            // Only when there are any, so a draft with the root cause's chain alone reads as it always did.
            if (p.WhyChains.Count > 0)
            {
                Key(emitter, "whyChains");
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
                foreach (var chain in p.WhyChains)
                {
                    emitter.Emit(new MappingStart());
                    Key(emitter, "name"); Text(emitter, chain.Name);
                    Key(emitter, "whys"); TextList(emitter, chain.Whys);
                    emitter.Emit(new MappingEnd());
                }
                emitter.Emit(new SequenceEnd());
            }
            Key(emitter, "contributingFactors"); TextList(emitter, p.ContributingFactors);
            Key(emitter, "wentWell"); TextList(emitter, p.WentWell);
            Key(emitter, "wentPoorly"); TextList(emitter, p.WentPoorly);
            Key(emitter, "trackingUrl"); Text(emitter, p.TrackingUrl);
            Key(emitter, "actionItems");
            emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
            foreach (var item in p.ActionItems)
            {
                emitter.Emit(new MappingStart());
                Key(emitter, "action"); Text(emitter, item.Action);
                Key(emitter, "owner"); Text(emitter, item.Owner);
                Key(emitter, "dueDate"); Plain(emitter, Date(item.DueDate));
                Key(emitter, "priority"); Plain(emitter, item.Priority?.ToString());
                if (withFollowUp)
                {
                    Key(emitter, "status"); Plain(emitter, item.Status.ToString());
                    // Only what goes with the status, so an open item reads as it always did.
                    if (item.StatusReason is not null) { Key(emitter, "statusReason"); Text(emitter, item.StatusReason); }
                    if (item.DoneDate is not null) { Key(emitter, "doneDate"); Plain(emitter, Date(item.DoneDate)); }
                    Key(emitter, "tracking"); Text(emitter, item.Tracking);
                }
                emitter.Emit(new MappingEnd());
            }
            emitter.Emit(new SequenceEnd());
            Key(emitter, "lessonsLearned"); Text(emitter, p.LessonsLearned);
            if (p.Links.Count > 0)
            {
                Key(emitter, "links");
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
                foreach (var link in p.Links)
                {
                    emitter.Emit(new MappingStart());
                    Key(emitter, "kind"); Plain(emitter, link.Kind.ToString());
                    Key(emitter, "title"); Text(emitter, link.Title);
                    Key(emitter, "uri"); Text(emitter, link.Uri);
                    emitter.Emit(new MappingEnd());
                }
                emitter.Emit(new SequenceEnd());
            }
            // Only when there are any, so a draft of the template alone reads as it always did.
            if (p.Sections.Count > 0)
            {
                Key(emitter, "sections");
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
                foreach (var section in p.Sections)
                {
                    emitter.Emit(new MappingStart());
                    Key(emitter, "name"); Text(emitter, section.Name);
                    Key(emitter, "after"); Plain(emitter, section.After.ToString());
                    Key(emitter, "text"); Text(emitter, section.Text);
                    emitter.Emit(new MappingEnd());
                }
                emitter.Emit(new SequenceEnd());
            }
            // Only when there is any, so a draft without one reads as it always did.
            if (withExternal && p.External.HasAny) WriteExternal(emitter, p.External, withReview, withPublication);
            if (withReview) WriteReview(emitter, p);
            if (withPublication && p.Publication is not null) WritePublication(emitter, p.Publication);
            emitter.Emit(new MappingEnd());
            emitter.Emit(new DocumentEnd(true));
            emitter.Emit(new StreamEnd());
            return writer.ToString();
        }

        /// <summary>
        /// The external version: its five texts (each key written, empty or not, so a person editing the draft sees
        /// them all), then its own sign-offs and publication record when it has them.
        /// </summary>
        private static void WriteExternal(IEmitter emitter, ExternalVersion external, bool withReview, bool withPublication)
        {
            Key(emitter, "external");
            emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block));
            Key(emitter, "title"); Text(emitter, external.Title);
            Key(emitter, "summary"); Text(emitter, external.Summary);
            Key(emitter, "customerImpact"); Text(emitter, external.CustomerImpact);
            Key(emitter, "whatHappened"); Text(emitter, external.WhatHappened);
            Key(emitter, "whatWeAreDoing"); Text(emitter, external.WhatWeAreDoing);
            WriteExternalRecords(emitter, external, withReview, withPublication);
            emitter.Emit(new MappingEnd());
        }

        /// <summary>The external version's sign-offs and publication record, when it has them. Shared with the Markdown front matter.</summary>
        internal static void WriteExternalRecords(IEmitter emitter, ExternalVersion external, bool withReview = true, bool withPublication = true)
        {
            if (withReview && external.SignOffs.Count > 0) WriteSignOffs(emitter, external.SignOffs);
            if (withPublication && external.Publication is not null) WritePublication(emitter, external.Publication);
        }

        /// <summary>The review's record: sign-offs and unlocks. Shared with the Markdown front matter.</summary>
        internal static void WriteReview(IEmitter emitter, Postmortem p)
        {
            WriteSignOffs(emitter, p.SignOffs);
            Key(emitter, "unlocks");
            emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, p.Unlocks.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
            foreach (var unlock in p.Unlocks)
            {
                emitter.Emit(new MappingStart());
                Key(emitter, "date"); Plain(emitter, Time(unlock.Date));
                Key(emitter, "reason"); Text(emitter, unlock.Reason);
                emitter.Emit(new MappingEnd());
            }
            emitter.Emit(new SequenceEnd());
        }

        private static void WriteSignOffs(IEmitter emitter, IReadOnlyList<SignOff> signOffs)
        {
            Key(emitter, "signOffs");
            emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, signOffs.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
            foreach (var signOff in signOffs)
            {
                emitter.Emit(new MappingStart());
                Key(emitter, "reviewer"); Text(emitter, signOff.Reviewer);
                Key(emitter, "date"); Plain(emitter, Time(signOff.Date));
                Key(emitter, "comment"); Text(emitter, signOff.Comment);
                Key(emitter, "acknowledged"); TextList(emitter, signOff.AcknowledgedRules);
                if (signOff.ContentDigest is string approved) { Key(emitter, "approved"); Plain(emitter, approved); }
                emitter.Emit(new MappingEnd());
            }
            emitter.Emit(new SequenceEnd());
        }

        /// <summary>
        /// The record of the last publish to BookStack. Shared with the Markdown front matter. The base (the postmortem
        /// as published, a YAML draft itself) comes last, as a block a reader of the file can skip.
        /// </summary>
        internal static void WritePublication(IEmitter emitter, Publication publication)
        {
            Key(emitter, "publication");
            emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block));
            Key(emitter, "server"); Text(emitter, publication.Server);
            Key(emitter, "pageId"); Plain(emitter, publication.PageId.ToString(CultureInfo.InvariantCulture));
            Key(emitter, "bookId"); Plain(emitter, publication.BookId.ToString(CultureInfo.InvariantCulture));
            Key(emitter, "chapterId"); Plain(emitter, publication.ChapterId?.ToString(CultureInfo.InvariantCulture));
            Key(emitter, "updatedAt"); Plain(emitter, Time(publication.UpdatedAt.UtcDateTime));
            Key(emitter, "updatedBy"); Plain(emitter, publication.UpdatedById.ToString(CultureInfo.InvariantCulture));
            Key(emitter, "updatedByName"); Text(emitter, publication.UpdatedByName);
            Key(emitter, "digest"); Plain(emitter, publication.Digest);
            Key(emitter, "pageDigest"); Plain(emitter, publication.PageDigest);
            Key(emitter, "tags"); TextList(emitter, publication.Tags);
            Key(emitter, "base"); Text(emitter, publication.Base);
            emitter.Emit(new MappingEnd());
        }

        public static ReadResult Read(string text, string source) => new YamlDraftReader(source).Read(text);

        /// <summary>The impact's times, in the order the draft, the front matter and the page give them.</summary>
        internal static readonly ImpactTime[] ImpactTimes = (ImpactTime[])Enum.GetValues(typeof(ImpactTime));

        /// <summary>An impact time's key in the draft's impact block and in the front matter: degradationStart, impactEnd, ...</summary>
        internal static string ImpactTimeKey(ImpactTime which)
        {
            var name = which.ToString();
            return char.ToLowerInvariant(name[0]) + name.Substring(1);
        }

        internal static string? Date(DateTime? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        internal static string Time(DateTime utc) =>
            utc.Ticks % TimeSpan.TicksPerSecond == 0
                ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                : utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

        private static void Key(IEmitter emitter, string key) => emitter.Emit(new Scalar(key));

        // Values the writer controls (ids, dates, enum names): plain, or an empty plain scalar for "no value".
        private static void Plain(IEmitter emitter, string? value) =>
            emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value ?? string.Empty, ScalarStyle.Plain, true, false));

        private static void Text(IEmitter emitter, string? value)
        {
            if (value is null)
            {
                Plain(emitter, null);
                return;
            }
            // Tabs and runs of spaces can be folded away or taken for indentation outside quotes, and a tab inside
            // double quotes does not read back whole; a literal block keeps both exactly.
            bool spacing = value.IndexOf('\t') >= 0 || value.Contains("  ");
            ScalarStyle style;
            // YamlDotNet escapes characters beyond the Basic Multilingual Plane (emoji) in quoted and plain text,
            // but writes them as they are in a block, where a person editing the draft can read them.
            bool astral = value.Any(char.IsSurrogate);
            // Text with a character only double quotes can escape is written there, whatever else it holds.
            bool yamlBreaks = NeedsDoubleQuotes(value);
            if (yamlBreaks) style = ScalarStyle.DoubleQuoted;
            else if (value.IndexOf('\n') >= 0 || value.IndexOf('\t') >= 0 || astral) style = ScalarStyle.Literal;
            else if (spacing) style = ScalarStyle.DoubleQuoted;
            // A folded block reads a first line that starts with a space as one whose break is kept: a literal keeps it.
            else if (value.Length > LongText) style = value[0] == ' ' ? ScalarStyle.Literal : ScalarStyle.Folded;
            else style = ScalarStyle.Any;
            // Text that would read back as something else (true, 42, 2026-11-20, null) is quoted.
            bool plainOk = !spacing && !yamlBreaks && !AmbiguousPlain.IsMatch(value) && value.Trim() == value;
            emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, style, plainOk, true));
        }

        // YAML reads U+0085, U+2028 and U+2029 as line breaks wherever they stand unescaped, and allows no control
        // character in a block (a NUL from a journald record, the bell): only double quotes escape them (\N, \0, \a).
        private static bool NeedsDoubleQuotes(string value) =>
            value.IndexOf('\u0085') >= 0 || value.IndexOf('\u2028') >= 0 || value.IndexOf('\u2029') >= 0 || ReadBack.ControlCharacter(value) >= 0;

        private static void TextList(IEmitter emitter, IReadOnlyList<string> values)
        {
            emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, values.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
            foreach (var value in values) Text(emitter, value);
            emitter.Emit(new SequenceEnd());
        }
    }
}
