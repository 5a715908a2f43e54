using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Postmortems.Gathering;
using Postmortems.IO;
using Postmortems.Trackers.Export;

namespace Postmortems.Trackers
{
    /// <summary>The kinds of tracker export a file can be, as its content shows.</summary>
    public enum TrackerExportFormat
    {
        /// <summary>Nothing in it: an empty file, or an empty list.</summary>
        Empty,

        /// <summary>The JSON list of <c>gh issue list --json ...</c>.</summary>
        GitHubCli,

        /// <summary>The JSON list of <c>glab issue list --output json</c>.</summary>
        GitLabCli,

        /// <summary>Jira's "Export Excel CSV" (all fields or current fields).</summary>
        JiraCsv,
    }

    /// <summary>A tracker export that cannot be read: the file, the line where it is known, and what is wrong.</summary>
    public sealed class TrackerExportException : FormatException
    {
        public TrackerExportException(string source, long? line, string problem, Exception? inner = null)
            : base(Printable.Escape(line is null ? $"{source}: {problem}" : $"{source}, line {line.Value.ToString(CultureInfo.InvariantCulture)}: {problem}"), inner)
        {
            Source = source;
            Line = line;
            Problem = Printable.Escape(problem);
        }

        // A reader's own message, which already names the file and line.
        internal TrackerExportException(string source, string message, Exception inner)
            : base(Printable.Escape(message), inner)
        {
            Source = source;
            Problem = Printable.Escape(message);
        }

        /// <summary>The file (or other source) that was being read.</summary>
        public new string Source { get; }

        public long? Line { get; }

        public string Problem { get; }
    }

    /// <summary>
    /// A tracker's issues as a file exported from it holds them, for teams that cannot call a tracker's API from a
    /// terminal: the JSON of <c>gh issue list</c> or <c>glab issue list</c>, or a Jira CSV export (docs/trackers/offline.md).
    /// The format is told from the content, not the file's name. A file that cannot be read whole is refused whole:
    /// nothing of it is used.
    /// </summary>
    public sealed class TrackerExport
    {
        /// <summary>The largest file read (an export of a few thousand issues is a few megabytes).</summary>
        public const int MaxBytes = 128 * 1024 * 1024;

        internal const string GitHubCommand = "gh issue list --state all --limit 5000 --json number,url,state,stateReason,closedAt,title,body";
        internal const string GitLabCommand = "glab issue list --all --per-page 100 --output json";

        private TrackerExport(string source, TrackerExportFormat format, IReadOnlyList<TrackerIssue> issues, Uri? site, bool hasBodies, IReadOnlyList<string> warnings)
        {
            Source = source;
            Format = format;
            Issues = issues;
            Site = site;
            HasBodies = hasBodies;
            Warnings = warnings;
        }

        /// <summary>The file as it was named.</summary>
        public string Source { get; }

        public TrackerExportFormat Format { get; }

        /// <summary>The issues, in the file's order, one per issue.</summary>
        public IReadOnlyList<TrackerIssue> Issues { get; }

        /// <summary>The Jira site the issues' addresses were made with ({site}/browse/KEY); null when none was given.</summary>
        public Uri? Site { get; }

        /// <summary>Whether the export holds the issues' bodies, where the sync's markers are found.</summary>
        public bool HasBodies { get; }

        /// <summary>What was read past, in sentences (a row too long to keep; a site address that a non-Jira export has no use for).</summary>
        public IReadOnlyList<string> Warnings { get; }

        public override string ToString() => $"{Source} ({Format}, {Issues.Count} issues)";

        /// <summary>
        /// Reads an export file. <paramref name="siteUrl"/> is a Jira site (https://your-domain.atlassian.net): a Jira CSV
        /// has no issue addresses, so with it each issue's address is {site}/browse/KEY, and without it the key alone.
        /// Throws <see cref="TrackerExportException"/> for content that is not an export this reads, and the
        /// <see cref="IOException"/> family (FileNotFoundException, UnauthorizedAccessException) for a file that cannot
        /// be opened.
        /// </summary>
        public static TrackerExport Read(string path, string? siteUrl = null)
        {
            if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("Give the path of a tracker export file.", nameof(path));
            var site = CheckSiteUrl(siteUrl);
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxBytes)
            {
                throw new TrackerExportException(path, null, $"the file is {info.Length / (1024 * 1024)} MB, more than the {MaxBytes / (1024 * 1024)} MB an export is read up to. Export only the issues labelled postmortem (gh and glab: --label postmortem; Jira: labels = postmortem in the filter).");
            }
            return Parse(File.ReadAllBytes(path), path, site);
        }

        /// <summary>Reads an export's bytes: UTF-8 (with or without its byte order mark) or UTF-16 (what Windows PowerShell's redirection writes).</summary>
        public static TrackerExport Parse(byte[] content, string source, string? siteUrl = null) => Parse(content, source, CheckSiteUrl(siteUrl));

        /// <summary>Reads an export's text.</summary>
        public static TrackerExport Parse(string text, string source, string? siteUrl = null) => Parse(text, source, CheckSiteUrl(siteUrl));

        /// <summary>
        /// A Jira site's address as given, made the root the issues' addresses hang from (a trailing /browse or slash
        /// dropped); null for nothing; an <see cref="ArgumentException"/> that says what is wrong.
        /// </summary>
        public static Uri? CheckSiteUrl(string? siteUrl)
        {
            var text = siteUrl?.Trim();
            if (string.IsNullOrEmpty(text)) return null;
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            {
                throw new ArgumentException($"'{Printable.Escape(text)}' is not a Jira site's address: give it as https://your-domain.atlassian.net (or your Jira server's address).");
            }
            var root = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
            if (root.EndsWith("/browse", StringComparison.OrdinalIgnoreCase)) root = root.Substring(0, root.Length - "/browse".Length);
            return new Uri(root + "/");
        }

        private static TrackerExport Parse(byte[] content, string source, Uri? site)
        {
            if (content is null) throw new ArgumentNullException(nameof(content));
            source = SourceName(source);
            if (content.Length > MaxBytes) throw new TrackerExportException(source, null, $"the export is more than the {MaxBytes / (1024 * 1024)} MB an export is read up to.");
            var sniff = TextSniffer.Sniff(content, content.Length);
            if (sniff.Kind == TextKind.NotText)
            {
                throw new TrackerExportException(source, null, $"this is not text ({sniff.Why}), so not a tracker export. {WhatIsRead}");
            }
            string text;
            try
            {
                text = TextSniffer.Decode(content, sniff);
            }
            catch (DecoderFallbackException)
            {
                throw new TrackerExportException(source, null, sniff.IsUtf16
                    ? $"the file looks like {sniff.Name} text but is not whole (a character is cut off or broken). Export it again."
                    : "the file is not UTF-8 text (gh, glab and Jira all write UTF-8). Export it again, or save it as UTF-8.");
            }
            return Parse(text, source, site);
        }

        private static TrackerExport Parse(string text, string source, Uri? site)
        {
            if (text is null) throw new ArgumentNullException(nameof(text));
            source = SourceName(source);
            int start = 0;
            while (start < text.Length && (char.IsWhiteSpace(text[start]) || text[start] == '\uFEFF')) start++;
            if (start == text.Length) return Empty(source, site, new List<string>());
            var warnings = new List<string>();
            char first = text[start];
            TrackerExport export;
            if (first == '[') export = ReadJson(text, source, site, warnings);
            else if (first == '{')
            {
                throw new TrackerExportException(source, LineOf(text, start), "this is one JSON object, and an export is a list of issues [ ... ]. " +
                    $"Export the list: {GitHubCommand} (GitHub), or {GitLabCommand} (GitLab).");
            }
            else export = JiraCsvExport.Read(text, source, site, warnings);
            if (site is not null && export.Format != TrackerExportFormat.JiraCsv && export.Format != TrackerExportFormat.Empty)
            {
                warnings.Add($"{source}: the Jira site {site.AbsoluteUri.TrimEnd('/')} was not used: this is a {FormatName(export.Format)} export, whose issues carry their own addresses.");
            }
            return export;
        }

        internal static TrackerExport Empty(string source, Uri? site, List<string> warnings) =>
            new TrackerExport(source, TrackerExportFormat.Empty, Array.Empty<TrackerIssue>(), site, false, warnings);

        internal static TrackerExport Made(string source, TrackerExportFormat format, List<(TrackerIssue Issue, long Line)> issues, Uri? site, bool hasBodies, List<string> warnings)
        {
            if (issues.Count == 0) return Empty(source, site, warnings);
            // One issue once: an export holds each issue once, so an issue twice is two exports put together; the same
            // issue twice in one state is harmless, in two states it cannot be told which is true.
            var seen = new Dictionary<string, (TrackerIssue Issue, long Line)>(StringComparer.OrdinalIgnoreCase);
            var distinct = new List<TrackerIssue>(issues.Count);
            foreach (var (issue, line) in issues)
            {
                if (seen.TryGetValue(issue.Key, out var before))
                {
                    if (before.Issue.State != issue.State || before.Issue.ClosedOn != issue.ClosedOn)
                    {
                        throw new TrackerExportException(source, line, $"{issue.Key} is in the export twice, on line {before.Line.ToString(CultureInfo.InvariantCulture)} {StateText(before.Issue)} and here {StateText(issue)}: it cannot be told which is true. Export it again, once.");
                    }
                    continue;
                }
                seen.Add(issue.Key, (issue, line));
                distinct.Add(issue);
            }
            return new TrackerExport(source, format, distinct, site, hasBodies, warnings);
        }

        private static string StateText(TrackerIssue issue) => issue.State switch
        {
            TrackerIssueState.Done => issue.ClosedOn is DateTime day ? "closed on " + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "closed",
            TrackerIssueState.WontDo => "closed as not to be done",
            _ => "open",
        };

        internal static string FormatName(TrackerExportFormat format) => format switch
        {
            TrackerExportFormat.GitHubCli => "GitHub CLI",
            TrackerExportFormat.GitLabCli => "GitLab CLI",
            TrackerExportFormat.JiraCsv => "Jira CSV",
            _ => "empty",
        };

        internal const string WhatIsRead =
            "An export is the JSON of " + GitHubCommand + " (GitHub) or " + GitLabCommand + " (GitLab), or a Jira CSV export (Export > Export Excel CSV).";

        private static string SourceName(string? source) => string.IsNullOrWhiteSpace(source) ? "the export" : source!;

        private static long LineOf(string text, int index)
        {
            long line = 1;
            for (int i = 0; i < index && i < text.Length; i++)
            {
                if (text[i] == '\n') line++;
            }
            return line;
        }

        // A JSON list of issues, an element at a time; each element tells by its fields which tool wrote it.
        private static TrackerExport ReadJson(string text, string source, Uri? site, List<string> warnings)
        {
            var issues = new List<(TrackerIssue, long)>();
            TrackerExportFormat? format = null;
            long firstLine = 0;
            bool hasBodies = false;
            int record = 0;
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
            try
            {
                foreach (var (element, line, tooLong) in JsonElementStream.Read(stream, source, null, TimelineGatherer.MaxRecordBytes))
                {
                    record++;
                    var where = $"record {record.ToString(CultureInfo.InvariantCulture)}";
                    if (tooLong)
                    {
                        warnings.Add($"{source}, line {line.ToString(CultureInfo.InvariantCulture)}: {where} is longer than {TimelineGatherer.LimitText} (the most one issue may hold), so it was skipped.");
                        continue;
                    }
                    if (element.ValueKind != JsonValueKind.Object)
                    {
                        throw new TrackerExportException(source, line, $"{where} is not an issue (a JSON object {{ ... }}) but {Kind(element)}. {WhatIsRead}");
                    }
                    TrackerExportFormat kind =
                        element.TryGetProperty("web_url", out _) ? TrackerExportFormat.GitLabCli :
                        element.TryGetProperty("url", out _) ? TrackerExportFormat.GitHubCli :
                        throw new TrackerExportException(source, line, $"{where} has no url (as gh issue list --json ... url writes) nor web_url (as glab issue list --output json writes), so it cannot be told which issue it is. " +
                            $"Export it again with the address: {GitHubCommand} (GitHub), or {GitLabCommand} (GitLab).");
                    if (format is null)
                    {
                        format = kind;
                        firstLine = line;
                    }
                    else if (format != kind)
                    {
                        throw new TrackerExportException(source, line, $"{where} is a {FormatName(kind)} issue, but the one on line {firstLine.ToString(CultureInfo.InvariantCulture)} a {FormatName(format.Value)} issue. Give one tracker's export a file.");
                    }
                    var issue = kind == TrackerExportFormat.GitHubCli
                        ? GitHubCliExport.Issue(element, source, line, where)
                        : GitLabCliExport.Issue(element, source, line, where);
                    hasBodies |= issue.Body is not null;
                    issues.Add((issue, line));
                }
            }
            catch (TimelineSourceException e)
            {
                throw new TrackerExportException(source, e.Message + " Export it again: the file may have been cut off or edited.", e);
            }
            return Made(source, format ?? TrackerExportFormat.Empty, issues, site, hasBodies, warnings);
        }

        private static string Kind(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Array => "a list",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.Null => "null",
            _ => "true or false",
        };
    }
}
