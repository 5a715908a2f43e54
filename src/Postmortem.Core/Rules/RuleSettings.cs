using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Postmortems.Settings;

namespace Postmortems.Rules
{
    /// <summary>
    /// What the rules run with: their word lists, which rules are off, any changed severities, and the days an action
    /// item of each priority may take. The defaults come from PostmortemRules.psd1 (built into the assembly); a
    /// settings file adds to or changes them.
    /// </summary>
    public sealed class RuleSettings
    {
        private const string DefaultsResource = "Postmortems.Rules.PostmortemRules.psd1";

        private readonly Dictionary<string, List<string>> _wordLists;
        private readonly Dictionary<string, PhraseList> _compiled = new Dictionary<string, PhraseList>(StringComparer.OrdinalIgnoreCase);

        // What a settings file removed from each list, even words the list did not hold: ImperativeVerbs adds to the
        // WordNet-derived verb lexicon, so removing "review" from it stops "review" from counting as a verb.
        private readonly Dictionary<string, HashSet<string>> _removed = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);

        private RuleSettings(Dictionary<string, List<string>> wordLists)
        {
            _wordLists = wordLists;
        }

        public HashSet<string> DisabledRules { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, DiagnosticSeverity> SeverityOverrides { get; } = new Dictionary<string, DiagnosticSeverity>(StringComparer.OrdinalIgnoreCase);

        public IReadOnlyDictionary<string, List<string>> WordLists => _wordLists;

        /// <summary>
        /// ActionItemDueDays: the days from the incident an action item of each priority may take, for
        /// ActionItemDueByPriority and for the due date of an item that has none.
        /// </summary>
        public ActionItemDuePolicy DuePolicy { get; private set; } = ActionItemDuePolicy.Default;

        /// <summary>
        /// Tracker: the team's tracker for Sync-ActionItem, so the command line need not say it each time:
        /// Tracker = @{ Name = 'Jira'; Project = 'OPS'; Uri = 'https://example.atlassian.net'; IssueType = 'Task' }.
        /// </summary>
        public TrackerSettings Tracker { get; private set; } = new TrackerSettings();

        /// <summary>
        /// Sections: the team's own sections beyond the template, each with where it goes, whether Test-Postmortem
        /// requires it, and a one-line prompt: Sections = @( @{ Name = 'Customer Communication'; After = 'Impact';
        /// Required = $true; Prompt = 'What we told customers, when and where' } ).
        /// </summary>
        public IReadOnlyList<SectionDeclaration> Sections { get; private set; } = Array.Empty<SectionDeclaration>();

        /// <summary>
        /// External: what the check of the customer-facing version lets through and looks for besides the postmortem's own
        /// names: External = @{ PublicHosts = @('gitlab.com', 'status.gitlab.com'); People = @('Dana Ortiz', '@dortiz') }.
        /// </summary>
        public ExternalSettings External { get; private set; } = new ExternalSettings();

        /// <summary>The module's default settings.</summary>
        public static RuleSettings Default()
        {
            using var stream = typeof(RuleSettings).Assembly.GetManifestResourceStream(DefaultsResource)
                ?? throw new InvalidOperationException($"The default rule settings ({DefaultsResource}) are missing from the assembly.");
            using var reader = new StreamReader(stream);
            var data = PowerShellDataReader.Parse(reader.ReadToEnd(), "PostmortemRules.psd1") as IDictionary
                ?? throw new InvalidOperationException("PostmortemRules.psd1 does not hold a hashtable.");
            var lists = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            if (data["WordLists"] is IDictionary wordLists)
            {
                foreach (DictionaryEntry entry in wordLists)
                {
                    lists[(string)entry.Key] = Strings(entry.Value).ToList();
                }
            }
            var settings = new RuleSettings(lists);
            if (data.Contains(DueDaysKey)) settings.ApplyDueDays(data[DueDaysKey], "PostmortemRules.psd1", LineOf(data, DueDaysKey));
            return settings;
        }

        private const string DueDaysKey = "ActionItemDueDays";

        /// <summary>The defaults changed by a settings file (.psd1).</summary>
        public static RuleSettings FromFile(string path)
        {
            var settings = Default();
            settings.Apply(File.ReadAllText(path), Path.GetFileName(path));
            return settings;
        }

        /// <summary>
        /// Applies settings text: ExcludeRules = @('Name'), Rules = @{ Name = @{ Enable = $false; Severity = 'Error' } },
        /// AddWords = @{ ListName = @('phrase') }, RemoveWords = @{ ListName = @('phrase') }.
        /// </summary>
        public void Apply(string psd1Text, string source)
        {
            if (PowerShellDataReader.Parse(psd1Text, source) is not IDictionary data)
            {
                throw Error(source, 1, "a settings file holds one hashtable, @{ ... }.");
            }
            var knownRules = new HashSet<string>(PostmortemRules.All.Select(r => r.Name), StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in data)
            {
                var key = (string)entry.Key;
                int line = LineOf(data, key);
                switch (key.ToLowerInvariant())
                {
                    case "excluderules":
                        var names = Strings(entry.Value).ToList();
                        for (int i = 0; i < names.Count; i++)
                        {
                            RequireRule(knownRules, names[i], source, entry.Value is PowerShellDataList list && i < list.ItemLines.Count ? list.ItemLines[i] : line);
                            DisabledRules.Add(names[i]);
                        }
                        break;
                    case "rules":
                        ApplyRules(entry.Value, knownRules, source, line);
                        break;
                    case "addwords":
                        foreach (var (list, words, listLine) in Lists(entry.Value, source, key, line))
                        {
                            var target = List(list, source, listLine);
                            target.AddRange(words.Where(w => !target.Contains(w, StringComparer.OrdinalIgnoreCase)));
                            if (_removed.TryGetValue(list, out var removed)) removed.ExceptWith(words);
                            lock (_compiled) _compiled.Remove(list);
                        }
                        break;
                    case "removewords":
                        foreach (var (list, words, listLine) in Lists(entry.Value, source, key, line))
                        {
                            List(list, source, listLine).RemoveAll(w => words.Contains(w, StringComparer.OrdinalIgnoreCase));
                            if (!_removed.TryGetValue(list, out var removed)) _removed[list] = removed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                            removed.UnionWith(words);
                            lock (_compiled) _compiled.Remove(list);
                        }
                        break;
                    case "actionitemduedays":
                        ApplyDueDays(entry.Value, source, line);
                        break;
                    case "tracker":
                        ApplyTracker(entry.Value, source, line);
                        break;
                    case "sections":
                        ApplySections(entry.Value, source, line);
                        break;
                    case "external":
                        ApplyExternal(entry.Value, source, line);
                        break;
                    default:
                        throw Error(source, line, $"'{key}' is not a setting. Use ExcludeRules, Rules, AddWords, RemoveWords, ActionItemDueDays, Tracker, Sections or External.");
                }
            }
        }

        public DiagnosticSeverity SeverityOf(PostmortemRule rule) =>
            SeverityOverrides.TryGetValue(rule.Name, out var severity) ? severity : rule.DefaultSeverity;

        public bool IsEnabled(PostmortemRule rule) => !DisabledRules.Contains(rule.Name);

        internal PhraseList Phrases(string listName)
        {
            // One settings object may serve several runspaces at once.
            lock (_compiled)
            {
                if (!_compiled.TryGetValue(listName, out var phrases))
                {
                    phrases = new PhraseList(_wordLists.TryGetValue(listName, out var list) ? list : Enumerable.Empty<string>());
                    _compiled[listName] = phrases;
                }
                return phrases;
            }
        }

        /// <summary>A settings file removed the word from the list.</summary>
        internal bool IsRemoved(string listName, string word) => _removed.TryGetValue(listName, out var removed) && removed.Contains(word);

        private void ApplyRules(object? value, HashSet<string> knownRules, string source, int line)
        {
            if (value is not IDictionary rules)
            {
                throw Error(source, line, "Rules holds a hashtable, Rules = @{ RuleName = @{ Enable = $false } }.");
            }
            foreach (DictionaryEntry rule in rules)
            {
                var name = (string)rule.Key;
                int ruleLine = LineOf(rules, name);
                RequireRule(knownRules, name, source, ruleLine);
                if (rule.Value is not IDictionary options)
                {
                    throw Error(source, ruleLine, $"Rules.{name} holds a hashtable, such as @{{ Enable = $false; Severity = 'Warning' }}.");
                }
                foreach (DictionaryEntry option in options)
                {
                    int optionLine = LineOf(options, (string)option.Key);
                    switch (((string)option.Key).ToLowerInvariant())
                    {
                        case "enable":
                            if (option.Value is not bool enabled)
                            {
                                throw Error(source, optionLine, $"Rules.{name}.Enable is $true or $false.");
                            }
                            if (enabled) DisabledRules.Remove(name);
                            else DisabledRules.Add(name);
                            break;
                        case "severity":
                            var text = option.Value as string;
                            if (text is null || !Enum.TryParse<DiagnosticSeverity>(text, ignoreCase: true, out var severity) || !Enum.IsDefined(typeof(DiagnosticSeverity), severity))
                            {
                                throw Error(source, optionLine, $"Rules.{name}.Severity '{option.Value}' is not Error, Warning or Information.");
                            }
                            SeverityOverrides[name] = severity;
                            break;
                        default:
                            throw Error(source, optionLine, $"Rules.{name}.{option.Key} is not a rule option. Use Enable or Severity.");
                    }
                }
            }
        }

        // ActionItemDueDays = @{ P1 = 28; P2 = 56; P3 = 84 }: the priorities given change, the others keep their days.
        private void ApplyDueDays(object? value, string source, int line)
        {
            const string Example = "ActionItemDueDays = @{ P1 = 28; P2 = 56; P3 = 84 }";
            if (value is not IDictionary days)
            {
                throw Error(source, line, $"ActionItemDueDays holds a hashtable of days by priority, {Example}.");
            }
            var policy = DuePolicy;
            foreach (DictionaryEntry entry in days)
            {
                var name = (string)entry.Key;
                int entryLine = LineOf(days, name);
                if (!Enum.TryParse<ActionPriority>(name, ignoreCase: true, out var priority) || !Enum.IsDefined(typeof(ActionPriority), priority) || !name.StartsWith("P", StringComparison.OrdinalIgnoreCase))
                {
                    throw Error(source, entryLine, $"ActionItemDueDays.{name} is not a priority. Use P1, P2 or P3: {Example}.");
                }
                if (entry.Value is not long number || number < 1 || number > ActionItemDuePolicy.MaxDays)
                {
                    throw Error(source, entryLine, $"ActionItemDueDays.{name} is {Shown(entry.Value)}; give a whole number of days from 1 to {ActionItemDuePolicy.MaxDays}, as in {Example}.");
                }
                policy = policy.With(priority, (int)number);
            }
            DuePolicy = policy;
        }

        // Sections = @( @{ Name = 'Customer Communication'; After = 'Impact'; Required = $true; Prompt = '...' }, ... )
        private void ApplySections(object? value, string source, int line)
        {
            const string Example = "Sections = @( @{ Name = 'Customer Communication'; After = 'Impact'; Required = $true; Prompt = 'What we told customers, when and where' } )";
            var entries = value is PowerShellDataList list ? list.Cast<object?>().Select((v, i) => (v, i < list.ItemLines.Count ? list.ItemLines[i] : line))
                : value is IDictionary single ? new[] { ((object?)single, line) } : null;
            if (entries is null) throw Error(source, line, $"Sections holds a list of hashtables, {Example}.");
            var result = new List<SectionDeclaration>();
            foreach (var (entry, entryLine) in entries)
            {
                if (entry is not IDictionary section) throw Error(source, entryLine, $"each of Sections is a hashtable, {Example}.");
                string? name = null, prompt = null;
                var after = PostmortemSection.LessonsLearned;
                bool required = false;
                foreach (DictionaryEntry field in section)
                {
                    var key = (string)field.Key;
                    int keyLine = LineOf(section, key);
                    switch (key.ToLowerInvariant())
                    {
                        case "name":
                            name = field.Value as string ?? throw Error(source, keyLine, $"Sections: Name is {Shown(field.Value)}; give the heading as text.");
                            break;
                        case "after":
                            var text = field.Value as string;
                            var names = string.Join(", ", Enum.GetNames(typeof(PostmortemSection)).Where(n => n != nameof(PostmortemSection.ExternalVersion)));
                            if (text is null || !Enum.TryParse(text.Replace(" ", ""), ignoreCase: true, out after) || !Enum.IsDefined(typeof(PostmortemSection), after))
                            {
                                throw Error(source, keyLine, $"Sections: After is {Shown(field.Value)}; give the template section it follows: {names}.");
                            }
                            break;
                        case "required":
                            required = field.Value is bool flag ? flag : throw Error(source, keyLine, $"Sections: Required is {Shown(field.Value)}; give $true or $false.");
                            break;
                        case "prompt":
                            prompt = field.Value as string ?? throw Error(source, keyLine, $"Sections: Prompt is {Shown(field.Value)}; give one line of text.");
                            break;
                        default:
                            throw Error(source, keyLine, $"Sections: '{key}' is not a section setting. Use Name, After, Required and Prompt: {Example}.");
                    }
                }
                if (name is null) throw Error(source, entryLine, $"a section in Sections has no Name: {Example}.");
                try
                {
                    var declaration = new SectionDeclaration(name, after, required, prompt);
                    if (result.Any(d => ExtraSections.Key(d.Name) == ExtraSections.Key(declaration.Name))) throw new ArgumentException($"the section '{declaration.Name}' is declared twice");
                    result.Add(declaration);
                }
                catch (ArgumentException ex)
                {
                    throw Error(source, entryLine, "Sections: " + Text.Problem(ex).TrimEnd('.') + ".");
                }
            }
            Sections = result;
        }

        // External = @{ PublicHosts = @('gitlab.com'); People = @('Dana Ortiz') }
        private void ApplyExternal(object? value, string source, int line)
        {
            const string Example = "External = @{ PublicHosts = @('gitlab.com', 'status.gitlab.com'); People = @('Dana Ortiz') }";
            if (value is not IDictionary external) throw Error(source, line, $"External holds a hashtable: {Example}.");
            var result = new ExternalSettings();
            foreach (DictionaryEntry entry in external)
            {
                var name = (string)entry.Key;
                int entryLine = LineOf(external, name);
                var items = entry.Value is string one ? new object?[] { one } : entry.Value is IEnumerable many ? many.Cast<object?>().ToArray() : new[] { entry.Value };
                if (items.Any(i => i is not string text || text.Trim().Length == 0))
                {
                    throw Error(source, entryLine, $"External.{name} is a list of text; {Shown(items.FirstOrDefault(i => i is not string text || text.Trim().Length == 0))} is none. Write it as in {Example}.");
                }
                var texts = items.Cast<string>().Select(t => t.Trim()).ToList();
                switch (name.ToLowerInvariant())
                {
                    case "publichosts":
                        result.PublicHosts.AddRange(texts);
                        break;
                    case "people":
                        result.People.AddRange(texts);
                        break;
                    default:
                        throw Error(source, entryLine, $"External.{name} is not an External setting. Use PublicHosts and People: {Example}.");
                }
            }
            External = result;
        }

        // Tracker = @{ Name = 'Jira'; Project = 'OPS'; Uri = 'https://example.atlassian.net'; IssueType = 'Task' }
        private void ApplyTracker(object? value, string source, int line)
        {
            const string Example = "Tracker = @{ Name = 'Jira'; Project = 'OPS'; Uri = 'https://example.atlassian.net'; IssueType = 'Task' }";
            if (value is not IDictionary tracker) throw Error(source, line, $"Tracker holds a hashtable: {Example}.");
            var result = new TrackerSettings();
            foreach (DictionaryEntry entry in tracker)
            {
                var name = (string)entry.Key;
                int entryLine = LineOf(tracker, name);
                if (entry.Value is not string text || text.Trim().Length == 0) throw Error(source, entryLine, $"Tracker.{name} is {Shown(entry.Value)}; give text, as in {Example}.");
                text = text.Trim();
                switch (name.ToLowerInvariant())
                {
                    case "name":
                        if (!Enum.TryParse<Trackers.TrackerKind>(text, ignoreCase: true, out var kind) || !Enum.IsDefined(typeof(Trackers.TrackerKind), kind))
                        {
                            throw Error(source, entryLine, $"Tracker.Name is '{text}'; give GitHub, GitLab or Jira.");
                        }
                        result.Kind = kind;
                        break;
                    case "project":
                    case "repository":
                        result.Project = text;
                        break;
                    case "uri":
                        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                        {
                            throw Error(source, entryLine, $"Tracker.Uri is '{text}', which is not an http or https address.");
                        }
                        result.Uri = uri;
                        break;
                    case "issuetype":
                        result.IssueType = text;
                        break;
                    default:
                        throw Error(source, entryLine, $"Tracker.{name} is not a tracker setting. Use Name, Project, Uri and IssueType: {Example}.");
                }
            }
            Tracker = result;
        }

        private static string Shown(object? value) => value switch
        {
            null => "$null",
            string text => $"'{text}'",
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        };

        private List<string> List(string name, string source, int line)
        {
            if (_wordLists.TryGetValue(name, out var list)) return list;
            throw Error(source, line, $"'{name}' is not a word list. The lists are: {string.Join(", ", _wordLists.Keys.OrderBy(k => k, StringComparer.Ordinal))}.");
        }

        private static IEnumerable<(string List, List<string> Words, int Line)> Lists(object? value, string source, string key, int line)
        {
            if (value is not IDictionary lists)
            {
                throw Error(source, line, $"{key} holds a hashtable, {key} = @{{ BlamePhrases = @('phrase') }}.");
            }
            foreach (DictionaryEntry entry in lists) yield return ((string)entry.Key, Strings(entry.Value).ToList(), LineOf(lists, (string)entry.Key));
        }

        private static void RequireRule(HashSet<string> knownRules, string name, string source, int line)
        {
            if (!knownRules.Contains(name))
            {
                throw Error(source, line, $"'{name}' is not a rule. Get-PostmortemRule lists them: {string.Join(", ", knownRules.OrderBy(n => n, StringComparer.Ordinal))}.");
            }
        }

        private static int LineOf(IDictionary table, string key) => table is PowerShellDataTable data ? data.LineOf(key) : 1;

        private static SettingsFormatException Error(string source, int line, string problem) =>
            new SettingsFormatException($"{source}, line {line}: {problem}", source, line);

        private static IEnumerable<string> Strings(object? value) => value switch
        {
            null => Enumerable.Empty<string>(),
            string text => new[] { text },
            IEnumerable items => items.Cast<object?>().Where(i => i is not null).Select(i => Convert.ToString(i, System.Globalization.CultureInfo.InvariantCulture)!),
            _ => new[] { Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)! },
        };
    }

    /// <summary>What the settings file's External hashtable says: domains customers may see, and people's names to look for.</summary>
    public sealed class ExternalSettings
    {
        /// <summary>Domains customers may see in the external version (the company's own public site, its status page).</summary>
        public List<string> PublicHosts { get; } = new List<string>();

        /// <summary>Names and handles of people to keep out of the external version, besides those the postmortem names.</summary>
        public List<string> People { get; } = new List<string>();
    }

    /// <summary>The team's tracker, from the settings file's Tracker hashtable; each part null when not set.</summary>
    public sealed class TrackerSettings
    {
        public Trackers.TrackerKind? Kind { get; internal set; }

        public string? Project { get; internal set; }

        public Uri? Uri { get; internal set; }

        public string? IssueType { get; internal set; }
    }
}
