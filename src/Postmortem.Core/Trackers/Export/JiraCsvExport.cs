using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Postmortems.Gathering;

namespace Postmortems.Trackers.Export
{
    /// <summary>
    /// Jira's "Export Excel CSV (all fields / current fields)": a header row, then one row per issue, quoted fields that
    /// hold commas and line breaks, multi-value fields (Labels, Sprint, Comment) as several columns of one name. An issue
    /// is done when its Status Category is Done or else when it has a resolution (not "Unresolved"); it will not be done
    /// when that resolution is Won't Do, Won't Fix, Declined, Duplicate or Cannot Reproduce. The day it closed is its
    /// Resolved date (or, without one, when its status category changed). Jira writes no address: with a site it is
    /// {site}/browse/KEY, else the key.
    /// </summary>
    internal static class JiraCsvExport
    {
        private static readonly string[] WontDoResolutions = { "won't do", "won't fix", "declined", "duplicate", "cannot reproduce" };

        // A quoted field may run over this many lines: Jira's descriptions and comments are long (32,767 characters each).
        private const int MaxQuotedLines = 40000;

        public static TrackerExport Read(string text, string source, Uri? site, List<string> warnings)
        {
            var csv = Open(text, source);
            var header = csv.Header;
            if (header is null) return TrackerExport.Empty(source, site, warnings);
            var columns = new Columns(header);
            int key = columns.First("Issue key");
            if (key < 0) throw NotJira(text, header, source);
            int status = columns.First("Status");
            int category = columns.First("Status Category");
            int resolution = columns.First("Resolution");
            if (category < 0 && resolution < 0)
            {
                throw new TrackerExportException(source, 1, "the Jira export has neither a Status Category nor a Resolution column, so it cannot be told which issues are closed. " +
                    "Export it again with all fields (Export > Export Excel CSV (all fields)), or add Resolution to the columns before exporting current fields.");
            }
            int resolved = columns.First("Resolved");
            int categoryChanged = columns.First("Status Category Changed");
            int summary = columns.First("Summary");
            int description = columns.First("Description");

            var issues = new List<(TrackerIssue, long)>();
            while (true)
            {
                List<string>? row;
                long line;
                string? problem;
                try
                {
                    row = csv.ReadRow(out line, out problem);
                }
                catch (TimelineSourceException e)
                {
                    throw new TrackerExportException(source, e.Message, e);
                }
                if (row is null) break;
                if (problem is not null)
                {
                    warnings.Add($"{source}, line {line.ToString(CultureInfo.InvariantCulture)}: {problem}.");
                    continue;
                }
                if (row.All(f => f.Trim().Length == 0)) continue;
                // Jira writes every column in every row: a row short of the header was cut off, one longer was edited.
                if (row.Count != header.Count)
                {
                    throw new TrackerExportException(source, line, $"this row has {row.Count.ToString(CultureInfo.InvariantCulture)} fields and the header {header.Count.ToString(CultureInfo.InvariantCulture)}, so its columns cannot be trusted: " +
                        (row.Count < header.Count ? "the file may have been cut off." : "a comma may have been added outside quotes.") + " Export it again from Jira, unchanged. Nothing was read from the file.");
                }
                string Field(int index) => index >= 0 && index < row.Count ? row[index].Trim() : string.Empty;

                var issueKey = Field(key);
                if (issueKey.Length == 0)
                {
                    throw new TrackerExportException(source, line, "this row has no Issue key, so it cannot be told which issue it is. Export it again from Jira, unchanged.");
                }
                if (!TrackingLinks.IsKey(issueKey))
                {
                    throw new TrackerExportException(source, line, $"the Issue key '{issueKey}' is not a Jira key (PROJECT-123). Check that the columns were not shifted when the file was edited, or export it again.");
                }
                var resolutionName = Field(resolution);
                if (string.Equals(resolutionName, "Unresolved", StringComparison.OrdinalIgnoreCase)) resolutionName = string.Empty;
                var categoryName = Field(category);
                var statusName = Field(status);
                bool categoryDone = string.Equals(categoryName, "Done", StringComparison.OrdinalIgnoreCase);
                // Without the category, a status named Done or Closed with no resolution is done too (workflows that set none).
                bool statusDone = category < 0 && (string.Equals(statusName, "Done", StringComparison.OrdinalIgnoreCase) || string.Equals(statusName, "Closed", StringComparison.OrdinalIgnoreCase));
                TrackerIssueState state;
                string? reason = null;
                if (resolutionName.Length > 0 && WontDoResolutions.Contains(Normalize(resolutionName)))
                {
                    state = TrackerIssueState.WontDo;
                    reason = resolutionName;
                }
                else if (categoryDone || resolutionName.Length > 0 || statusDone)
                {
                    state = TrackerIssueState.Done;
                }
                else
                {
                    state = TrackerIssueState.Open;
                }
                DateTime? closedOn = null;
                if (state != TrackerIssueState.Open)
                {
                    closedOn = JiraDate.Parse(Field(resolved), source, line, $"{issueKey}: its Resolved date");
                    if (closedOn is null && categoryDone) closedOn = JiraDate.Parse(Field(categoryChanged), source, line, $"{issueKey}: its Status Category Changed date");
                }
                var url = site is null ? issueKey : site.AbsoluteUri + "browse/" + issueKey;
                var body = description >= 0 && description < row.Count ? row[description] : null;
                issues.Add((new TrackerIssue(url, issueKey, Field(summary), state, closedOn, reason, body), line));
            }
            return TrackerExport.Made(source, TrackerExportFormat.JiraCsv, issues, site, description >= 0, warnings);
        }

        private static CsvReader Open(string text, string source)
        {
            try
            {
                return new CsvReader(new StringReader(text), source, TimelineGatherer.MaxRecordBytes, MaxQuotedLines, readsOn: false);
            }
            catch (TimelineSourceException e)
            {
                throw new TrackerExportException(source, e.Message + " " + TrackerExport.WhatIsRead, e);
            }
        }

        // Jira spells Won't Do with a typographic apostrophe in some languages' exports.
        private static string Normalize(string resolution) => resolution.Replace('\u2019', '\'').Trim().ToLowerInvariant();

        private static TrackerExportException NotJira(string text, List<string> header, string source)
        {
            if (header.Count < 3)
            {
                var firstLine = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
                int end = firstLine.IndexOfAny(new[] { '\r', '\n' });
                if (end >= 0) firstLine = firstLine.Substring(0, end);
                if (firstLine.Length > 60) firstLine = firstLine.Substring(0, 60) + "…";
                return new TrackerExportException(source, 1, $"this is not a tracker export this reads (it begins '{firstLine}'). {TrackerExport.WhatIsRead}");
            }
            var names = string.Join(", ", header.Take(12).Select(h => h.Trim())) + (header.Count > 12 ? ", …" : string.Empty);
            return new TrackerExportException(source, 1, $"this CSV has no 'Issue key' column (its columns: {names}), so it is not a Jira export this reads. " +
                "Export from Jira's issue search with Export > Export Excel CSV (all fields or current fields, with Issue key, Status and Resolution); a Jira set to another language names its columns in that language, so export in English.");
        }

        /// <summary>A header's columns by name (trimmed, case ignored); a name Jira repeats for a multi-value field has several.</summary>
        private sealed class Columns
        {
            private readonly Dictionary<string, List<int>> _byName = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);

            public Columns(List<string> header)
            {
                for (int i = 0; i < header.Count; i++)
                {
                    var name = header[i].Trim().TrimStart('\uFEFF');
                    if (!_byName.TryGetValue(name, out var list)) _byName[name] = list = new List<int>();
                    list.Add(i);
                }
            }

            public int First(string name) => _byName.TryGetValue(name, out var list) ? list[0] : -1;
        }
    }

    /// <summary>
    /// The dates a Jira export writes: its default dd/MMM/yy h:mm tt (01/Dec/26 3:15 PM), with a four-digit year or a
    /// 24-hour clock, month names in English or the reading culture's; ISO (2026-12-01 15:15, 2026-12-01T15:15:00.000+0000);
    /// and day first with dots (01.12.2026 15:15). Only the day is kept. Numeric dates with slashes (12/01/2026) are
    /// refused: they read two ways.
    /// </summary>
    internal static class JiraDate
    {
        private static readonly string[] NamedMonth =
        {
            "dd/MMM/yy h:mm tt", "d/MMM/yy h:mm tt", "dd/MMM/yy hh:mm tt", "dd/MMM/yyyy h:mm tt", "d/MMM/yyyy h:mm tt", "dd/MMM/yyyy hh:mm tt",
            "dd/MMM/yy H:mm", "dd/MMM/yy HH:mm", "dd/MMM/yyyy H:mm", "dd/MMM/yyyy HH:mm", "dd/MMM/yy", "d/MMM/yy", "dd/MMM/yyyy", "d/MMM/yyyy",
            "dd-MMM-yyyy h:mm tt", "dd-MMM-yyyy HH:mm", "dd-MMM-yyyy", "dd MMM yyyy HH:mm", "dd MMM yyyy h:mm tt", "dd MMM yyyy",
            "MMM d, yyyy h:mm tt", "MMM d, yyyy HH:mm", "MMM d, yyyy",
        };

        private static readonly string[] Numeric =
        {
            "yyyy-MM-dd HH:mm", "yyyy-MM-dd H:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd h:mm tt", "yyyy-MM-dd", "yyyy/MM/dd HH:mm", "yyyy/MM/dd",
            "dd.MM.yyyy HH:mm", "dd.MM.yyyy H:mm", "d.M.yyyy HH:mm", "d.M.yyyy H:mm", "dd.MM.yy HH:mm", "dd.MM.yyyy", "d.M.yyyy", "dd.MM.yy",
        };

        private static readonly Regex IsoTime = new Regex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$", RegexOptions.CultureInvariant);

        public static DateTime? Parse(string text, string source, long line, string what)
        {
            if (text.Length == 0) return null;
            if (TryParse(text, out var day)) return day;
            throw new TrackerExportException(source, line, $"{what} '{text}' is not a date this reads. Jira's default (01/Dec/26 3:15 PM), ISO (2026-12-01 15:15) and day-first dates with dots (01.12.2026 15:15) are read; " +
                "numeric dates with slashes are not, as they read two ways. Export it again as Jira writes it, without saving it from a spreadsheet.");
        }

        public static bool TryParse(string text, out DateTime day)
        {
            day = default;
            var t = text.Trim();
            if (IsoTime.IsMatch(t))
            {
                // Jira's API time, 2026-12-01T15:15:00.000+0000: the day it was where it was written.
                if (DateTimeOffset.TryParse(Regex.Replace(t, @"([+-]\d{2})(\d{2})$", "$1:$2"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
                {
                    day = time.DateTime.Date;
                    return true;
                }
                return false;
            }
            foreach (var culture in new[] { CultureInfo.InvariantCulture, CultureInfo.CurrentCulture })
            {
                if (DateTime.TryParseExact(t, NamedMonth, culture, DateTimeStyles.AllowWhiteSpaces, out var named))
                {
                    day = named.Date;
                    return true;
                }
            }
            if (DateTime.TryParseExact(t, Numeric, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var numeric))
            {
                day = numeric.Date;
                return true;
            }
            return false;
        }
    }
}
