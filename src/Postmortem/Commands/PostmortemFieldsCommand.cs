using System;
using System.Linq;
using System.Management.Automation;
using Postmortems.Commands.Completion;

namespace Postmortems.Commands
{
    /// <summary>
    /// The parameters New-Postmortem and Set-Postmortem share: one for every scalar section of the template and
    /// for each impact field, named as the postmortem's properties. Only what the user gave is applied.
    /// </summary>
    public abstract class PostmortemFieldsCommand : PSCmdlet
    {
        [Parameter]
        [DayTransformation]
        public DateTime Date { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(SeverityCompleter))]
        [ValidateEnumName(typeof(Severity), "severity")]
        public string? Severity { get; set; }

        /// <summary>Resolved or Ongoing; $null leaves it unset.</summary>
        [Parameter]
        [AllowNull]
        public IncidentStatus? Status { get; set; }

        /// <summary>Homelab or Work; $null leaves it unset.</summary>
        [Parameter]
        [AllowNull]
        public IncidentContext? Context { get; set; }

        [Parameter]
        [Alias("Authors")]
        public string[]? Author { get; set; }

        [Parameter]
        [Alias("Reviewers")]
        public string[]? Reviewer { get; set; }

        [Parameter]
        public string? ExecutiveSummary { get; set; }

        [Parameter]
        public string? RootCause { get; set; }

        [Parameter]
        public string? LessonsLearned { get; set; }

        /// <summary>Detection to resolution, when it should not be derived from the timeline; $null lets the timeline give it again.</summary>
        [Parameter]
        [AllowNull]
        [DurationTransformation]
        public TimeSpan? Duration { get; set; }

        [Parameter]
        public string[]? ServicesAffected { get; set; }

        [Parameter]
        public string? UsersAffected { get; set; }

        [Parameter]
        public bool DataLoss { get; set; }

        [Parameter]
        public string? DataLossDescription { get; set; }

        [Parameter]
        public string? RevenueImpact { get; set; }

        /// <summary>
        /// When the service began to degrade, often before the first alert: a UTC time of day (on the postmortem's Date) or
        /// a full date and time, read as Add-TimelineEvent reads -Time; $null or '' clears it.
        /// </summary>
        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        public object? DegradationStart { get; set; }

        /// <summary>When users were first affected: the start of the impact window, read as -DegradationStart is.</summary>
        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        public object? ImpactStart { get; set; }

        /// <summary>When users were last affected: the end of the impact window, read as -DegradationStart is.</summary>
        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        public object? ImpactEnd { get; set; }

        /// <summary>The start of the stretch whose data was lost; sets -DataLoss $true unless -DataLoss is given.</summary>
        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        public object? DataLossStart { get; set; }

        /// <summary>The end of the stretch whose data was lost; sets -DataLoss $true unless -DataLoss is given.</summary>
        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        public object? DataLossEnd { get; set; }

        /// <summary>.NET custom formats (dd.MM.yyyy HH:mm) for the impact's times, tried in turn first.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? TimeFormat { get; set; }

        /// <summary>The culture whose date order reads the impact's times, such as 02/11/2026: de-DE day first, en-US month first.</summary>
        [Parameter]
        public System.Globalization.CultureInfo? Culture { get; set; }

        /// <summary>The time zone (IANA or Windows id, such as Europe/Berlin) of impact times written without an offset.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TimeZoneCompleter))]
        public string? TimeZone { get; set; }

        /// <summary>The fixed UTC offset (+01:00) of impact times written without one.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? UtcOffset { get; set; }

        /// <summary>
        /// Sections beyond the template, by name: @{ 'Where We Got Lucky' = '...'; Trigger = '...' }; '' or $null removes
        /// one. Trigger and Detection stand after Root Cause, Where We Got Lucky after What Went Poorly, a team's own
        /// where its settings file says (-Settings), any other after Lessons Learned.
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public System.Collections.IDictionary? Section { get; set; }

        /// <summary>The title customers see on the external version; '' or $null shows the postmortem's own.</summary>
        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        public string? ExternalTitle { get; set; }

        /// <summary>The external version's summary: what happened and what it meant for customers, in plain words.</summary>
        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        public string? ExternalSummary { get; set; }

        /// <summary>The external version's Customer Impact: who was affected, how, and for how long.</summary>
        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        public string? ExternalImpact { get; set; }

        /// <summary>The external version's What Happened: the course of the incident in plain words (optional).</summary>
        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        public string? ExternalWhatHappened { get; set; }

        /// <summary>The external version's What We Are Doing: what is being done so it does not happen again.</summary>
        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        public string? ExternalNextSteps { get; set; }

        /// <summary>The team's settings file, whose Sections say where its own sections go.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Settings { get; set; }

        private System.Collections.Generic.List<(string Name, string? Text)>? _sections;

        // The impact's times given, read in UTC; null clears one.
        private readonly System.Collections.Generic.List<(ImpactTime Which, DateTime? Time)> _times = new System.Collections.Generic.List<(ImpactTime, DateTime?)>();

        protected bool IsBound(string parameterName) => MyInvocation.BoundParameters.ContainsKey(parameterName);

        /// <summary>The parameters that write the external version, which a final postmortem still takes.</summary>
        protected static readonly string[] ExternalParameters = { nameof(ExternalTitle), nameof(ExternalSummary), nameof(ExternalImpact), nameof(ExternalWhatHappened), nameof(ExternalNextSteps) };

        /// <summary>
        /// The bound parameters that change the postmortem's own content (not the external version, not the pipeline's
        /// postmortem, -Settings or a common parameter): what a final postmortem refuses.
        /// </summary>
        protected System.Collections.Generic.List<string> ContentParameters()
        {
            var content = new System.Collections.Generic.List<string>();
            foreach (var property in GetType().GetProperties())
            {
                if (!property.IsDefined(typeof(ParameterAttribute), true) || !IsBound(property.Name)) continue;
                if (property.Name == "Postmortem" || property.Name == nameof(Settings) || System.Array.IndexOf(ExternalParameters, property.Name) >= 0) continue;
                content.Add(property.Name);
            }
            return content;
        }


        /// <summary>
        /// Checks the bound values before anything is changed; false (after writing the error) if one cannot be used. An
        /// impact time of day falls on -Date if given, else on the Date of <paramref name="target"/>, the postmortem changed.
        /// </summary>
        protected bool ValidateFields(Postmortem? target = null)
        {
            if (IsBound(nameof(Duration)) && Duration is TimeSpan given && given < TimeSpan.Zero)
            {
                WriteError(new ErrorRecord(
                    new ArgumentException($"The duration '{Duration}' is negative. Give detection to resolution as HH:MM, for example -Duration 01:47."),
                    ErrorIds.InvalidPostmortemValue, ErrorCategory.InvalidArgument, Duration));
                return false;
            }
            if (IsBound(nameof(Date)) && !TimelineTime.InWindow(Date, out var outside))
            {
                WriteError(new ErrorRecord(new ArgumentException($"For -Date, {outside}, for example -Date 2026-11-20."),
                    ErrorIds.InvalidPostmortemValue, ErrorCategory.InvalidArgument, Date));
                return false;
            }
            if (!ReadImpactTimes(IsBound(nameof(Date)) ? Date : target?.Date)) return false;
            if (Section is not null)
            {
                _sections = new System.Collections.Generic.List<(string, string?)>();
                foreach (System.Collections.DictionaryEntry entry in Section)
                {
                    var name = (entry.Key is PSObject key ? key.BaseObject : entry.Key)?.ToString() ?? string.Empty;
                    var value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                    try
                    {
                        _sections.Add((ExtraSections.CheckName(name), value?.ToString()));
                    }
                    catch (ArgumentException ex)
                    {
                        WriteError(new ErrorRecord(new ArgumentException("For -Section, " + Text.Problem(ex)),
                            ErrorIds.InvalidPostmortemValue, ErrorCategory.InvalidArgument, entry.Key));
                        return false;
                    }
                }
            }
            return true;
        }

        private bool ReadImpactTimes(DateTime? day)
        {
            _times.Clear();
            var given = new (string Name, ImpactTime Which, object? Value)[]
            {
                (nameof(DegradationStart), Postmortems.ImpactTime.DegradationStart, DegradationStart),
                (nameof(ImpactStart), Postmortems.ImpactTime.ImpactStart, ImpactStart),
                (nameof(ImpactEnd), Postmortems.ImpactTime.ImpactEnd, ImpactEnd),
                (nameof(DataLossStart), Postmortems.ImpactTime.DataLossStart, DataLossStart),
                (nameof(DataLossEnd), Postmortems.ImpactTime.DataLossEnd, DataLossEnd),
            };
            // A zone or offset that is not one is refused even with no time to read: the user meant something by it.
            var reading = TimeReadingParameters.Build(this, TimeFormat, Culture, TimeZone, UtcOffset);
            foreach (var (name, which, bound) in given)
            {
                if (!IsBound(name)) continue;
                var value = bound is PSObject wrapped ? wrapped.BaseObject : bound;
                if (value is null || (value is string blank && blank.Trim().Length == 0))
                {
                    _times.Add((which, null));
                    continue;
                }
                // The reader Add-TimelineEvent reads -Time with: a time of day falls on the day, in the zone given.
                if (!TimelineTime.TryParse(value, day, reading, out var utc, out var problem))
                {
                    WriteError(new ErrorRecord(new ArgumentException($"For -{name}, {Lower(problem!)}"),
                        ErrorIds.InvalidPostmortemValue, ErrorCategory.InvalidArgument, value));
                    return false;
                }
                _times.Add((which, utc));
            }
            return true;
        }

        private static string Lower(string sentence) =>
            sentence.Length > 1 && char.IsUpper(sentence[0]) && !char.IsUpper(sentence[1]) ? char.ToLowerInvariant(sentence[0]) + sentence.Substring(1) : sentence;

        /// <summary>Applies the bound parameters; call <see cref="ValidateFields"/> first.</summary>
        protected void ApplyFields(Postmortem postmortem)
        {
            if (IsBound(nameof(Date))) postmortem.Date = Date;
            if (IsBound(nameof(Severity))) postmortem.Severity = string.IsNullOrWhiteSpace(Severity) ? null : EnumName.Parse<Severity>(Severity);
            if (IsBound(nameof(Status))) postmortem.Status = Status;
            if (IsBound(nameof(Context))) postmortem.Context = Context;
            if (IsBound(nameof(Author))) Replace(postmortem.Authors, Author);
            if (IsBound(nameof(Reviewer))) Replace(postmortem.Reviewers, Reviewer);
            if (IsBound(nameof(ExecutiveSummary))) postmortem.ExecutiveSummary = ExecutiveSummary;
            if (IsBound(nameof(RootCause))) postmortem.RootCause = RootCause;
            if (IsBound(nameof(LessonsLearned))) postmortem.LessonsLearned = LessonsLearned;
            if (IsBound(nameof(Duration))) postmortem.ExplicitDuration = Duration;
            if (IsBound(nameof(ServicesAffected))) Replace(postmortem.Impact.ServicesAffected, ServicesAffected);
            if (IsBound(nameof(UsersAffected))) postmortem.Impact.UsersAffected = UsersAffected;
            if (IsBound(nameof(DataLoss))) postmortem.Impact.DataLoss = DataLoss;
            if (IsBound(nameof(DataLossDescription))) postmortem.Impact.DataLossDescription = DataLossDescription;
            if (IsBound(nameof(RevenueImpact))) postmortem.Impact.RevenueImpact = RevenueImpact;
            foreach (var (which, time) in _times) postmortem.Impact.SetTime(which, time);
            // A data-loss window says data was lost, unless -DataLoss says otherwise.
            if (!IsBound(nameof(DataLoss)) && _times.Any(t => t.Time.HasValue && (t.Which == Postmortems.ImpactTime.DataLossStart || t.Which == Postmortems.ImpactTime.DataLossEnd)))
            {
                postmortem.Impact.DataLoss = true;
            }
            if (_sections is not null)
            {
                var declared = RuleSelection.LoadSettings(this, Settings).Sections;
                foreach (var (name, text) in _sections) postmortem.Sections.Set(name, text, null, declared);
            }
            ApplyExternal(postmortem);
        }

        /// <summary>Applies the bound -External* parameters; these a final postmortem takes too.</summary>
        protected void ApplyExternal(Postmortem postmortem)
        {
            var external = postmortem.External;
            if (IsBound(nameof(ExternalTitle))) external.Title = ExternalTitle;
            if (IsBound(nameof(ExternalSummary))) external.Summary = ExternalSummary;
            if (IsBound(nameof(ExternalImpact))) external.CustomerImpact = ExternalImpact;
            if (IsBound(nameof(ExternalWhatHappened))) external.WhatHappened = ExternalWhatHappened;
            if (IsBound(nameof(ExternalNextSteps))) external.WhatWeAreDoing = ExternalNextSteps;
        }

        private static void Replace(System.Collections.Generic.ICollection<string> target, string[]? values)
        {
            target.Clear();
            if (values is null) return;
            foreach (var value in values)
            {
                var name = Text.SingleLine(value);
                if (name is not null) target.Add(name);
            }
        }
    }
}
