using System.Collections.Generic;

namespace Postmortems.Rules
{
    /// <summary>One of the guide's rules for a good postmortem, as a check over the postmortem object.</summary>
    public abstract class PostmortemRule
    {
        public abstract string Name { get; }

        public abstract DiagnosticSeverity DefaultSeverity { get; }

        public abstract PostmortemSection Section { get; }

        /// <summary>One line, quoting the guide's sentence the rule enforces.</summary>
        public abstract string Description { get; }

        internal abstract void Check(RuleContext context);
    }

    /// <summary>What a rule sees while it checks one postmortem, and where it reports.</summary>
    internal sealed class RuleContext
    {
        private readonly List<DiagnosticRecord> _records;
        private readonly PostmortemRule _rule;

        public RuleContext(Postmortem postmortem, RuleSettings settings, PostmortemRule rule, List<DiagnosticRecord> records, Dictionary<string, object> memo)
        {
            Postmortem = postmortem;
            Settings = settings;
            _rule = rule;
            _records = records;
            _memo = memo;
        }

        public Postmortem Postmortem { get; }

        public RuleSettings Settings { get; }

        public PhraseList Phrases(string listName) => Settings.Phrases(listName);

        // Shared by every rule's context in one check.
        private readonly Dictionary<string, object> _memo;

        /// <summary>Something the rules derive from the whole postmortem once per check rather than once per item or rule.</summary>
        public T Memo<T>(string key, System.Func<T> create) where T : class
        {
            if (_memo.TryGetValue(key, out var value)) return (T)value;
            var created = create();
            _memo[key] = created;
            return created;
        }

        public void Report(string target, string message, string? suggestion = null) => Report(_rule.Section, target, message, suggestion);

        public void Report(PostmortemSection section, string target, string message, string? suggestion = null) =>
            _records.Add(new DiagnosticRecord(_rule.Name, Settings.SeverityOf(_rule), section, target, message, suggestion, Postmortem.Title, Postmortem.SourcePath));
    }
}
