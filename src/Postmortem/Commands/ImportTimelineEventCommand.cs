using System;
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

        /// <summary>Keep events at or after this time (a time without an offset is UTC).</summary>
        [Parameter]
        public DateTime Since { get; set; }

        /// <summary>Keep events at or before this time.</summary>
        [Parameter]
        public DateTime Until { get; set; }

        /// <summary>Mark the earliest event kept with this milestone; None marks nothing. Alertmanager marks its first firing alert FirstSymptom unless told otherwise.</summary>
        [Parameter]
        public Milestone Milestone { get; set; }

        /// <summary>The day that times of day alone in a source (14:02) fall on.</summary>
        [Parameter]
        public DateTime Date { get; set; }

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

        private TimeReading? _reading;

        protected override void BeginProcessing()
        {
            _reading = TimeReadingParameters.Build(this, TimeFormat, Culture, TimeZone, UtcOffset);
        }

        private GatherOptions Options()
        {
            var bound = MyInvocation.BoundParameters;
            return new GatherOptions
            {
                Format = bound.ContainsKey(nameof(Format)) ? Format : (TimelineFormat?)null,
                TimeProperty = TimeProperty,
                MessageProperty = MessageProperty,
                Reaction = Reaction,
                Since = bound.ContainsKey(nameof(Since)) ? TimelineTime.ToUtc(Since) : (DateTime?)null,
                Until = bound.ContainsKey(nameof(Until)) ? TimelineTime.ToUtc(Until) : (DateTime?)null,
                Milestone = bound.ContainsKey(nameof(Milestone)) ? Milestone : (Milestone?)null,
                Date = bound.ContainsKey(nameof(Date)) ? Date.Date : (DateTime?)null,
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
                        Emit(TimelineGatherer.Read(stream, file, Options()), file);
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
            Emit(TimelineGatherer.Read(_text.ToString(), "pipeline input", Options()), "pipeline input");
        }

        private void Emit(IEnumerable<GatheredItem> items, string source)
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
            }
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
