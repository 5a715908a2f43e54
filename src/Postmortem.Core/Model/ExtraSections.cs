using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Postmortems.Rules;

namespace Postmortems
{
    /// <summary>
    /// A section beyond the template's: one of the optional sections other teams' templates add (Trigger, Detection,
    /// Where We Got Lucky), one the team's settings file declares (Customer Communication), or one a reviewer wrote into
    /// the page. It has a name (its heading), the template section it follows, and free text.
    /// </summary>
    public sealed class ExtraSection
    {
        public ExtraSection(string name, PostmortemSection after, string text)
        {
            Name = ExtraSections.CheckName(name);
            After = ExtraSections.CheckAfter(after);
            Text = Postmortems.Text.Normalize(text) ?? throw new ArgumentException($"The section '{Name}' needs text; remove it to leave it out.", nameof(text));
        }

        /// <summary>The heading, as the page shows it.</summary>
        public string Name { get; }

        /// <summary>The template section it stands after (Header: before the Executive Summary).</summary>
        public PostmortemSection After { get; }

        public string Text { get; }

        public override string ToString() => Name;
    }

    /// <summary>What a settings file (or the module) says of an extra section: where it goes, whether it must be filled, and what to write.</summary>
    public sealed class SectionDeclaration
    {
        public SectionDeclaration(string name, PostmortemSection after, bool required, string? prompt)
        {
            Name = ExtraSections.CheckName(name);
            After = ExtraSections.CheckAfter(after);
            Required = required;
            Prompt = Text.SingleLine(prompt);
        }

        public string Name { get; }

        public PostmortemSection After { get; }

        public bool Required { get; }

        /// <summary>One line on what the section holds, for help, completion and the completeness rule.</summary>
        public string? Prompt { get; }
    }

    /// <summary>
    /// A postmortem's extra sections, by name (case-insensitive), each once, in the document's order: by the template
    /// section each follows, then in the order they were added. Documents without any render exactly as the template alone.
    /// </summary>
    public sealed class ExtraSections : IReadOnlyList<ExtraSection>
    {
        private readonly List<ExtraSection> _sections = new List<ExtraSection>();
        private readonly Postmortem? _owner;

        internal ExtraSections(Postmortem? owner) => _owner = owner;

        /// <summary>
        /// The template's own headings, and the other names a reader takes for them (Summary, Whys, What Went Wrong, ...),
        /// which an extra section may not take: it would read back as that section.
        /// </summary>
        private static readonly string[] TemplateNames =
        {
            "Executive Summary", "Summary", "Timeline", "Timeline (UTC)", "Impact", "Root Cause", "5 Whys", "Five Whys", "Whys", "Contributing Factors",
            "What Went Well", "Went Well", "What Went Poorly", "Went Poorly", "What Went Wrong", "Action Items", "Actions", "Lessons Learned", "Lessons", "Links",
            "External Version",
        };

        /// <summary>
        /// The optional sections of Google's SRE postmortem template, in the guide's spirit: what set the incident off,
        /// how it was noticed, and the near misses that did not hurt this time.
        /// </summary>
        public static IReadOnlyList<SectionDeclaration> BuiltIn { get; } = new[]
        {
            new SectionDeclaration("Trigger", PostmortemSection.RootCause, false, "What set the incident off: the change, event or load that met the latent cause."),
            new SectionDeclaration("Detection", PostmortemSection.RootCause, false, "How the incident was noticed, and how it could have been noticed sooner."),
            new SectionDeclaration("Where We Got Lucky", PostmortemSection.WentPoorly, false, "The near misses: what could have made it worse and did not, this time."),
        };

        internal static string CheckName(string name)
        {
            var single = Text.SingleLine(name) ?? throw new ArgumentException("A section needs a name: its heading, such as 'Customer Communication'.", nameof(name));
            if (single.Length > 100) throw new ArgumentException($"The section name '{single.Substring(0, 40)}…' is {single.Length} characters; it is a heading, so give a name of at most 100 characters (the detail goes in the text).", nameof(name));
            if (Key(single).Length == 0) throw new ArgumentException($"The section name '{single}' has no letter or digit; give a heading that says what the section holds.", nameof(name));
            if (TemplateNames.Any(t => Key(t) == Key(single)))
            {
                throw new ArgumentException($"'{single}' is a section of the template itself: fill it with {HowToFill(Key(single))}, not as an extra section.", nameof(name));
            }
            // A page reads "5 Whys: Backups failed" as the heading of a named why-chain.
            if (WhyChains.NameInHeading(single) is string chain)
            {
                throw new ArgumentException($"'{single}' is the heading of a why-chain: add its whys with Add-Why -Chain '{chain}', not as an extra section.", nameof(name));
            }
            return single;
        }

        // The command that fills a template section, by its heading's key.
        private static string HowToFill(string key) => key switch
        {
            "executivesummary" or "summary" => "Set-Postmortem -ExecutiveSummary",
            "timeline" or "timelineutc" => "Add-TimelineEvent",
            "impact" => "Set-Postmortem -ServicesAffected, -UsersAffected, -DataLoss and -RevenueImpact",
            "rootcause" => "Set-Postmortem -RootCause",
            "5whys" or "fivewhys" or "whys" => "Add-Why",
            "contributingfactors" => "Add-ContributingFactor",
            "whatwentwell" or "wentwell" => "Add-Observation -WentWell",
            "whatwentpoorly" or "wentpoorly" or "whatwentwrong" => "Add-Observation -WentPoorly",
            "actionitems" or "actions" => "Add-ActionItem",
            "lessonslearned" or "lessons" => "Set-Postmortem -LessonsLearned",
            "links" => "Add-PostmortemLink",
            "externalversion" => "Set-Postmortem -ExternalSummary, -ExternalImpact, -ExternalWhatHappened and -ExternalNextSteps",
            _ => "its own command",
        };

        /// <summary>The External Version closes the document: an extra section stands after a template section, never after it.</summary>
        internal static PostmortemSection CheckAfter(PostmortemSection after) =>
            after == PostmortemSection.ExternalVersion
                ? throw new ArgumentException("An extra section stands after a section of the template, up to Lessons Learned; the External Version comes last.", nameof(after))
                : after;

        /// <summary>Names compare by their letters and digits, case-insensitively: "Where we got lucky" is "Where We Got Lucky".</summary>
        internal static string Key(string name) => new string(name.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

        public int Count => _sections.Count;

        public ExtraSection this[int index] => _sections[index];

        /// <summary>The section of that name, or null.</summary>
        public ExtraSection? this[string name] => _sections.FirstOrDefault(s => Key(s.Name) == Key(name));

        /// <summary>
        /// Sets a section's text (a new one goes after <paramref name="after"/>, else where the built-in or declared
        /// section of that name goes, else after Lessons Learned); null or blank text removes it.
        /// </summary>
        public void Set(string name, string? text, PostmortemSection? after = null, IEnumerable<SectionDeclaration>? declared = null)
        {
            _owner?.EnsureUnlocked("its sections");
            var checkedName = CheckName(name);
            int index = _sections.FindIndex(s => Key(s.Name) == Key(checkedName));
            if (Text.Normalize(text) is null)
            {
                if (index >= 0) _sections.RemoveAt(index);
                return;
            }
            var declaration = (declared ?? Enumerable.Empty<SectionDeclaration>()).Concat(BuiltIn).FirstOrDefault(d => Key(d.Name) == Key(checkedName));
            var place = after ?? (index >= 0 ? _sections[index].After : declaration?.After ?? PostmortemSection.LessonsLearned);
            // A declared section keeps its declared spelling.
            var section = new ExtraSection(declaration?.Name ?? (index >= 0 ? _sections[index].Name : checkedName), place, text!);
            if (index >= 0 && _sections[index].After == section.After) _sections[index] = section;
            else
            {
                if (index >= 0) _sections.RemoveAt(index);
                Place(section);
            }
        }

        // In the document's order: after the sections that stand after the same or an earlier template section.
        private void Place(ExtraSection section)
        {
            int at = _sections.Count;
            while (at > 0 && _sections[at - 1].After > section.After) at--;
            _sections.Insert(at, section);
        }

        /// <summary>Adds a section as a file holds it; a second of the same name is refused, as the file is ambiguous.</summary>
        internal void AddAsWritten(ExtraSection section)
        {
            if (this[section.Name] is not null) throw new ArgumentException($"The section '{section.Name}' is there twice; keep one.");
            Place(section);
        }

        public void Clear()
        {
            if (_sections.Count > 0) _owner?.EnsureUnlocked("its sections");
            _sections.Clear();
        }

        /// <summary>The sections that stand after a template section, in order.</summary>
        public IEnumerable<ExtraSection> After(PostmortemSection section) => _sections.Where(s => s.After == section);

        public IEnumerator<ExtraSection> GetEnumerator() => _sections.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
