using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Text;
using Postmortems.Gathering;

namespace Postmortems.Commands
{
    /// <summary>
    /// Gathers timeline events from where they live: kubectl events, Alertmanager alerts, a Slack channel export,
    /// journald, or any CSV or JSON-lines log; from files or from text piped in. Emits TimelineEvent objects with
    /// their Source set, for Add-TimelineEvent -Postmortem.
    /// </summary>
    [Cmdlet(VerbsData.Import, "TimelineEvent", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(TimelineEvent))]
    public sealed class ImportTimelineEventCommand : PSCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private const string TextSet = "Text";

        private readonly StringBuilder _text = new StringBuilder();
        private readonly Dictionary<string, IReadOnlyDictionary<string, string>?> _exportUsers = new Dictionary<string, IReadOnlyDictionary<string, string>?>(StringComparer.Ordinal);
        private LinePattern? _pattern;
        private Dictionary<string, string>? _users;

        /// <summary>Files to read; wildcards allowed.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = null!;

        /// <summary>Files taken exactly as written; Get-ChildItem output binds here.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = null!;

        /// <summary>Text piped in, such as the lines of kubectl get events -o json or Get-Content.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = TextSet)]
        [AllowEmptyString]
        public string[] InputObject { get; set; } = null!;

        /// <summary>The format; detected from the content when not given.</summary>
        [Parameter]
        public TimelineFormat Format { get; set; }

        /// <summary>For Csv and JsonLines: the column or property holding the time (a.b for a nested property).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? TimeProperty { get; set; }

        /// <summary>For Csv and JsonLines: the column or property holding the text.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? MessageProperty { get; set; }

        /// <summary>For Slack: keep only messages marked with this reaction, such as pushpin.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Reaction { get; set; }

        /// <summary>
        /// Keep events at or after this time, read as the events' times are: a time without an offset is UTC, or local
        /// time of -TimeZone or -UtcOffset; a time of day falls on -Date.
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public object Since { get; set; } = null!;

        /// <summary>Keep events at or before this time, read as -Since is.</summary>
        [Parameter]
        [ValidateNotNull]
        public object Until { get; set; } = null!;

        /// <summary>Mark the earliest event kept with this milestone; None marks nothing. Alertmanager marks its first firing alert FirstSymptom unless told otherwise.</summary>
        [Parameter]
        public Milestone Milestone { get; set; }

        /// <summary>The day that times of day alone in a source (14:02) fall on: a [datetime], or a date as the time reader reads one (2026-11-20, 30.11.2026).</summary>
        [Parameter]
        [ValidateNotNull]
        public object Date { get; set; } = null!;

        /// <summary>.NET custom formats for times the reader does not know (dd.MM.yyyy HH:mm), tried in turn first.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? TimeFormat { get; set; }

        /// <summary>The culture whose date order reads a date such as 02/11/2026: de-DE day first, en-US month first.</summary>
        [Parameter]
        public System.Globalization.CultureInfo? Culture { get; set; }

        /// <summary>The time zone (IANA or Windows id, such as Europe/Berlin) of times written without an offset.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.TimeZoneCompleter))]
        public string? TimeZone { get; set; }

        /// <summary>The fixed UTC offset (+01:00) of times written without one.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? UtcOffset { get; set; }

        /// <summary>Reads a plain-text log: a regular expression with the named groups time and message (and source, optionally); lines that do not match are skipped.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Pattern { get; set; }

        /// <summary>Folds repeats of the same message (numbers, hex ids, UUIDs and IP addresses masked) that come within this span of each other into one event.</summary>
        [Parameter]
        public TimeSpan Collapse { get; set; }

        /// <summary>For Slack: names for user ids, such as @{ U05TOMAS = 'tomas' }; they win over the names in the export's users.json.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? User { get; set; }

        private TimeReading? _reading;

        protected override void BeginProcessing()
        {
            _reading = TimeReadingParameters.Build(this, TimeFormat, Culture, TimeZone, UtcOffset);
            ReadFilterTimes();
            if (Pattern is not null)
            {
                try
                {
                    _pattern = LinePattern.Parse(Pattern);
                }
                catch (ArgumentException ex)
                {
                    ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.InvalidTimelinePattern, ErrorCategory.InvalidArgument, Pattern));
                }
            }
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Collapse)) && Collapse <= TimeSpan.Zero)
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException($"-Collapse {Collapse} is not a span: give how far apart repeats may be to fold into one, such as -Collapse 00:05:00 (five minutes)."),
                    ErrorIds.InvalidTimelineOption, ErrorCategory.InvalidArgument, Collapse));
            }
            if (User is not null)
            {
                _users = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (DictionaryEntry entry in User)
                {
                    var id = SlackUsers.Id(entry.Key?.ToString() ?? string.Empty);
                    var name = entry.Value?.ToString();
                    if (id.Length == 0 || string.IsNullOrWhiteSpace(name))
                    {
                        ThrowTerminatingError(new ErrorRecord(new ArgumentException($"-User has an entry without an id or a name ('{entry.Key}' = '{entry.Value}'). Give ids and names, such as -User @{{ U05TOMAS = 'tomas' }}."),
                            ErrorIds.InvalidTimelineOption, ErrorCategory.InvalidArgument, User));
                    }
                    _users[id] = name!.Trim();
                }
            }
        }

        private DateTime? _since, _until, _date;

        // -Date, -Since and -Until through the one time reader, with the command's -TimeFormat, -Culture and zone: the
        // filters read as the events they filter. A value that cannot be read stops the command before any file is read.
        private void ReadFilterTimes()
        {
            var bound = MyInvocation.BoundParameters;
            if (bound.ContainsKey(nameof(Date)))
            {
                var given = Date is PSObject wrapped ? wrapped.BaseObject : Date;
                // A day is a day: a [datetime] keeps its calendar date, and a written date is read in no zone.
                var dayReading = _reading is null ? null : new TimeReading { Formats = _reading.Formats, Culture = _reading.Culture };
                if (given is DateTime day) _date = day.Date;
                else if (given is DateTimeOffset dayOffset) _date = dayOffset.Date;
                else if (TimelineTime.TryParse(given, null, dayReading, out var utc, out var problem, out bool ambiguous)) _date = utc.Date;
                else ThrowTerminatingError(new ErrorRecord(new ArgumentException($"-Date: {problem}"), ambiguous ? ErrorIds.AmbiguousTimelineTime : ErrorIds.InvalidTimelineTime, ErrorCategory.InvalidArgument, given));
                if (!TimelineTime.InWindow(_date, out var outside))
                {
                    ThrowTerminatingError(new ErrorRecord(new ArgumentException($"-Date: {outside}."), ErrorIds.InvalidTimelineTime, ErrorCategory.InvalidArgument, given));
                }
            }
            _since = FilterTime(nameof(Since), Since);
            _until = FilterTime(nameof(Until), Until);
            if (_since > _until)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException($"-Since {_since:yyyy-MM-dd HH:mm:ss}Z is after -Until {_until:yyyy-MM-dd HH:mm:ss}Z, so no event could be kept. Swap them."),
                    ErrorIds.InvalidTimelineOption, ErrorCategory.InvalidArgument, Since));
            }
        }

        private DateTime? FilterTime(string name, object value)
        {
            if (!MyInvocation.BoundParameters.ContainsKey(name)) return null;
            var given = value is PSObject wrapped ? wrapped.BaseObject : value;
            if (TimelineTime.TryParse(given, _date, _reading, out var utc, out var problem, out bool ambiguous)) return utc;
            if (_date is null && given is string text && TimelineTime.TryParse(text, new DateTime(2000, 1, 1), _reading, out _, out _))
            {
                problem = $"'{text}' is a time of day, and there is no day for it to fall on. Give -Date (the day of the times in the source) or a full date and time, such as 2026-11-20T13:50Z";
            }
            ThrowTerminatingError(new ErrorRecord(new ArgumentException($"-{name}: {problem}"), ambiguous ? ErrorIds.AmbiguousTimelineTime : ErrorIds.InvalidTimelineTime, ErrorCategory.InvalidArgument, given));
            return null;
        }

        private GatherOptions Options(string? file = null)
        {
            var bound = MyInvocation.BoundParameters;
            return new GatherOptions
            {
                Format = bound.ContainsKey(nameof(Format)) ? Format : (TimelineFormat?)null,
                TimeProperty = TimeProperty,
                MessageProperty = MessageProperty,
                Reaction = Reaction,
                Since = _since,
                Until = _until,
                Milestone = bound.ContainsKey(nameof(Milestone)) ? Milestone : (Milestone?)null,
                Date = _date,
                Pattern = _pattern,
                Collapse = bound.ContainsKey(nameof(Collapse)) ? Collapse : (TimeSpan?)null,
                Users = _users,
                ExportUsers = file is null ? null : () => ExportUsers(file),
                Time = _reading,
            };
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == TextSet)
            {
                foreach (var line in InputObject) _text.Append(line).Append('\n');
                return;
            }
            bool literal = ParameterSetName == LiteralPathSet;
            foreach (var path in literal ? LiteralPath : Path)
            {
                foreach (var file in Resolve(path, literal))
                {
                    try
                    {
                        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
                        var report = new GatherReport();
                        Emit(TimelineGatherer.Read(stream, file, Options(file), report), file, report);
                    }
                    catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                    {
                        WriteError(new ErrorRecord(new IOException($"Could not read '{file}': {ex.Message}", ex), ErrorIds.TimelineSourceUnreadable, ErrorCategory.ReadError, file));
                    }
                }
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName != TextSet) return;
            if (_text.ToString().Trim().Length == 0)
            {
                WriteError(new ErrorRecord(new ArgumentException("No text came down the pipeline; there are no events to read."), ErrorIds.TimelineSourceUnreadable, ErrorCategory.InvalidData, null));
                return;
            }
            var report = new GatherReport();
            Emit(TimelineGatherer.Read(_text.ToString(), "pipeline input", Options(), report), "pipeline input", report);
        }

        // The names in the users.json of the Slack export a file lies in, read once for all the export's files.
        private IReadOnlyDictionary<string, string>? ExportUsers(string file)
        {
            var path = SlackUsers.FindFor(file);
            if (path is null) return null;
            if (_exportUsers.TryGetValue(path, out var known)) return known;
            IReadOnlyDictionary<string, string>? names = null;
            try
            {
                using var stream = File.OpenRead(path);
                names = SlackUsers.Read(stream, path);
                WriteVerbose($"{path}: {names.Count} Slack user names read, for mentions in {file}.");
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is FormatException)
            {
                WriteWarning($"{path}: the export's users could not be read ({ex.Message}), so mentions stay ids. Give names with -User @{{ U05TOMAS = 'tomas' }}.");
            }
            _exportUsers[path] = names;
            return names;
        }

        private void Emit(IEnumerable<GatheredItem> items, string source, GatherReport report)
        {
            try
            {
                foreach (var item in items)
                {
                    if (item.Event is not null)
                    {
                        WriteObject(item.Event);
                    }
                    else
                    {
                        WriteError(new ErrorRecord(new FormatException(item.Problem), ErrorIds.InvalidTimelineRecord, ErrorCategory.InvalidData,
                            item.Line > 0 ? $"{source}:{item.Line}" : $"{source}#{item.Record}"));
                    }
                }
            }
            catch (TimelineSourceException ex)
            {
                WriteError(new ErrorRecord(ex, ErrorIds.TimelineSourceUnreadable, ErrorCategory.InvalidData, source));
                return;
            }
            foreach (var warning in report.Warnings) WriteWarning(warning);
            WriteVerbose(report.Summary(source));
        }

        private IEnumerable<string> Resolve(string path, bool literal)
        {
            var files = new List<string>();
            try
            {
                if (literal) files.Add(SessionState.Path.GetUnresolvedProviderPathFromPSPath(path));
                else files.AddRange(SessionState.Path.GetResolvedProviderPathFromPSPath(path, out _));
            }
            catch (Exception ex) when (ex is ItemNotFoundException || ex is System.Management.Automation.DriveNotFoundException || ex is ProviderNotFoundException || ex is NotSupportedException)
            {
                WriteError(new ErrorRecord(new ItemNotFoundException($"No file was found at '{path}'. {ex.Message}", ex), ErrorIds.TimelineFileNotFound, ErrorCategory.ObjectNotFound, path));
            }
            foreach (var file in files)
            {
                if (Directory.Exists(file))
                {
                    WriteError(new ErrorRecord(new IOException($"'{file}' is a folder. Give the files in it, for example -Path '{System.IO.Path.Combine(file, "*.json")}'."),
                        ErrorIds.TimelineFileNotFound, ErrorCategory.InvalidArgument, file));
                }
                else if (!File.Exists(file))
                {
                    WriteError(new ErrorRecord(new ItemNotFoundException($"The file '{file}' does not exist."), ErrorIds.TimelineFileNotFound, ErrorCategory.ObjectNotFound, file));
                }
                else
                {
                    yield return file;
                }
            }
        }
    }
}
