namespace Postmortems.Rules
{
    /// <summary>How much a finding matters. Error: the postmortem is not ready. Warning: it should change. Information: worth a look.</summary>
    public enum DiagnosticSeverity
    {
        Information = 0,
        Warning = 1,
        Error = 2,
    }

    /// <summary>The template's sections, in its order; findings are grouped by them.</summary>
    public enum PostmortemSection
    {
        Header,
        ExecutiveSummary,
        Timeline,
        Impact,
        RootCause,
        ContributingFactors,
        WentWell,
        WentPoorly,
        ActionItems,
        LessonsLearned,
        /// <summary>The customer-facing version, after the template's sections; no extra section stands after it.</summary>
        ExternalVersion,
    }

    /// <summary>One finding of Test-Postmortem, shaped like PSScriptAnalyzer's DiagnosticRecord.</summary>
    public sealed class DiagnosticRecord
    {
        public DiagnosticRecord(string ruleName, DiagnosticSeverity severity, PostmortemSection section, string target, string message, string? suggestion, string postmortemTitle, string? path = null)
        {
            Path = path;
            RuleName = ruleName;
            Severity = severity;
            Section = section;
            Target = target;
            Message = message;
            Suggestion = suggestion;
            PostmortemTitle = postmortemTitle;
        }

        public string RuleName { get; }

        public DiagnosticSeverity Severity { get; }

        public PostmortemSection Section { get; }

        /// <summary>Where in the postmortem: RootCause, Timeline[5], ActionItems[2] (zero-based, as PowerShell indexes).</summary>
        public string Target { get; }

        public string Message { get; }

        /// <summary>A concrete rewrite or next step, where the rule can give one.</summary>
        public string? Suggestion { get; }

        /// <summary>Which postmortem the finding is about, when several are checked at once.</summary>
        public string PostmortemTitle { get; }

        /// <summary>The file the postmortem was read from, when it came from one.</summary>
        public string? Path { get; }

        public override string ToString() => $"{Severity} {RuleName} {Target}: {Message}";
    }

    /// <summary>A rule as Get-PostmortemRule lists it, with the severity and state the settings give it.</summary>
    public sealed class RuleInfo
    {
        public RuleInfo(string name, DiagnosticSeverity severity, PostmortemSection section, string description, bool enabled)
        {
            Name = name;
            Severity = severity;
            Section = section;
            Description = description;
            Enabled = enabled;
        }

        public string Name { get; }

        public DiagnosticSeverity Severity { get; }

        public PostmortemSection Section { get; }

        public string Description { get; }

        public bool Enabled { get; }
    }
}
