using System;
using System.Globalization;
using System.IO;
using Postmortems.Rendering;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Postmortems.Serialization
{
    /// <summary>
    /// The YAML front matter of a postmortem's Markdown file: what the visible template cannot show (the id, the
    /// context, a hand-set duration, each event's exact time, milestone and source, each action item's status, its
    /// reason or done date, and tracking), so the .md file is a lossless store and the page still reads cleanly.
    /// </summary>
    /// <summary>
    /// A short fingerprint of a row's text, kept in the front matter so each entry finds its own row again after
    /// rows are moved, and a row whose text was edited is known as such.
    /// </summary>
    internal static class Digest
    {
        private const string HexDigits = "0123456789abcdef";

        /// <summary>The first four bytes of the text's SHA-256, as eight lower-case hex digits.</summary>
        public static string Of(string text)
        {
            using var sha = System.Security.Cryptography.SHA256.Create();
            var hash = sha.ComputeHash(System.Text.Encoding.UTF8.GetBytes(text));
            var hex = new char[8];
            for (int i = 0; i < 4; i++)
            {
                hex[2 * i] = HexDigits[hash[i] >> 4];
                hex[2 * i + 1] = HexDigits[hash[i] & 0xF];
            }
            return new string(hex);
        }
    }

    internal static class MarkdownFrontMatter
    {
        public static string Write(Postmortem p)
        {
            var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            var emitter = new Emitter(writer, new EmitterSettings().WithBestWidth(int.MaxValue).WithNewLine("\n").WithIndentedSequences());
            emitter.Emit(new StreamStart());
            emitter.Emit(new DocumentStart());
            emitter.Emit(new MappingStart());
            Pair(emitter, "id", p.Id.ToString("D"));
            if (p.Context is IncidentContext context) Pair(emitter, "context", context.ToString());
            if (p.ExplicitDuration is TimeSpan duration) Pair(emitter, "duration", DurationText(duration));
            if (p.State != DocumentState.Draft) Pair(emitter, "state", p.State.ToString());
            if (p.Timeline.Count > 0)
            {
                emitter.Emit(new Scalar("timeline"));
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
                foreach (var e in p.Timeline)
                {
                    emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Flow));
                    Pair(emitter, "time", e.TimeUnknown ? TimelineTime.UnknownText : PostmortemYaml.Time(e.UtcTime));
                    if (e.Milestone != Milestone.None) Pair(emitter, "milestone", e.Milestone.ToString());
                    Pair(emitter, "source", e.Source, quoteIfNeeded: true);
                    Pair(emitter, "digest", Digest.Of(e.Event));
                    emitter.Emit(new MappingEnd());
                }
                emitter.Emit(new SequenceEnd());
            }
            // The impact's exact times, which the page shows to the minute or second: each row of the Impact section finds
            // its time again while the page still shows it.
            if (p.Impact.HasTimes)
            {
                emitter.Emit(new Scalar("impact"));
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Flow));
                foreach (var which in PostmortemYaml.ImpactTimes)
                {
                    if (p.Impact.TimeOf(which) is DateTime at) Pair(emitter, PostmortemYaml.ImpactTimeKey(which), PostmortemYaml.Time(at));
                }
                emitter.Emit(new MappingEnd());
            }
            if (p.TrackingUrl is not null) Pair(emitter, "trackingUrl", p.TrackingUrl, quoteIfNeeded: true);
            if (p.ActionItems.Count > 0)
            {
                emitter.Emit(new Scalar("actionItems"));
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
                foreach (var item in p.ActionItems)
                {
                    emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Flow));
                    Pair(emitter, "status", item.Status.ToString());
                    if (item.StatusReason is not null) Pair(emitter, "statusReason", item.StatusReason, quoteIfNeeded: true);
                    if (item.DoneDate is not null) Pair(emitter, "doneDate", PostmortemYaml.Date(item.DoneDate)!);
                    Pair(emitter, "digest", Digest.Of(item.Action));
                    if (item.Tracking is not null) Pair(emitter, "tracking", item.Tracking, quoteIfNeeded: true);
                    emitter.Emit(new MappingEnd());
                }
                emitter.Emit(new SequenceEnd());
            }
            if (p.SignOffs.Count > 0 || p.Unlocks.Count > 0) PostmortemYaml.WriteReview(emitter, p);
            if (p.Publication is not null) PostmortemYaml.WritePublication(emitter, p.Publication);
            // The external version's records; its text is on the page.
            if (p.External.SignOffs.Count > 0 || p.External.Publication is not null)
            {
                emitter.Emit(new Scalar("external"));
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block));
                PostmortemYaml.WriteExternalRecords(emitter, p.External);
                emitter.Emit(new MappingEnd());
            }
            emitter.Emit(new MappingEnd());
            emitter.Emit(new DocumentEnd(true));
            emitter.Emit(new StreamEnd());
            return "---\n" + writer.ToString() + "---\n";
        }

        internal static string DurationText(TimeSpan duration)
        {
            // The whole minutes, then the seconds past them: exact, whatever the page shows rounded.
            var text = PostmortemMarkdown.FloorDuration(duration);
            var rest = duration - TimeSpan.FromMinutes(Math.Floor(duration.TotalMinutes));
            if (rest == TimeSpan.Zero) return text;
            return text + ":" + (rest.Ticks % TimeSpan.TicksPerSecond == 0
                ? rest.Seconds.ToString("00", CultureInfo.InvariantCulture)
                : rest.TotalSeconds.ToString("00.0000000", CultureInfo.InvariantCulture));
        }

        private static void Pair(IEmitter emitter, string key, string value, bool quoteIfNeeded = false)
        {
            emitter.Emit(new Scalar(key));
            // Free text (a source, a ticket id) is always quoted so it can never read back as anything else.
            emitter.Emit(quoteIfNeeded
                ? new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.DoubleQuoted, false, true)
                : new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.Plain, true, false));
        }
    }
}
