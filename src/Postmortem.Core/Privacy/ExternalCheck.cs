using System;
using System.Collections.Generic;
using System.Linq;
using Postmortems.Rules;

namespace Postmortems.Privacy
{
    /// <summary>A piece of internal detail in the text the external version shows customers.</summary>
    public sealed class ExternalFinding
    {
        internal ExternalFinding(string field, string kind, string value, int start, int length, string reason)
        {
            Field = field;
            Kind = kind;
            Value = value;
            Start = start;
            Length = length;
            Reason = reason;
        }

        /// <summary>Where: External.Summary, External.Title, or Title (the postmortem's own, shown while no external title is set).</summary>
        public string Field { get; }

        /// <summary>What it is: Hostname, IPAddress, EmailAddress, Secret, Person, InternalAddress, FilePath, ChatChannel, TicketKey, Command.</summary>
        public string Kind { get; }

        /// <summary>The text found, as it stands in the field.</summary>
        public string Value { get; }

        /// <summary>Where it starts in the field's text.</summary>
        public int Start { get; }

        public int Length { get; }

        /// <summary>Why it reads as internal, and what to write instead.</summary>
        public string Reason { get; }

        /// <summary>The Set-Postmortem parameter that rewrites the field.</summary>
        public string Parameter => ExternalCheck.ParameterOf(Field);

        public override string ToString() => $"{Field}: {Kind} '{Value}' ({Reason})";
    }

    /// <summary>Why the external version cannot be rendered or published as it is.</summary>
    public enum ExternalVersionProblem
    {
        /// <summary>A required part (Summary, Customer Impact, What We Are Doing) is not written.</summary>
        Incomplete,

        /// <summary>The text customers would see holds internal detail: a host, an address, a person, a secret, ...</summary>
        InternalDetail,

        /// <summary>Nobody approved the external text as it stands (for a publish).</summary>
        NotApproved,
    }

    /// <summary>The external version is not ready for its audience; the message says what to do.</summary>
    public sealed class ExternalVersionException : InvalidOperationException
    {
        internal ExternalVersionException(ExternalVersionProblem problem, string message, IReadOnlyList<ExternalFinding>? findings = null, IReadOnlyList<ExternalField>? missing = null)
            : base(message)
        {
            Problem = problem;
            Findings = findings ?? Array.Empty<ExternalFinding>();
            Missing = missing ?? Array.Empty<ExternalField>();
        }

        public ExternalVersionProblem Problem { get; }

        public IReadOnlyList<ExternalFinding> Findings { get; }

        public IReadOnlyList<ExternalField> Missing { get; }
    }

    /// <summary>
    /// Checks what the external version shows customers: that its required parts are written, that no internal detail
    /// (hosts, addresses, people, secrets, paths, channels, tickets, commands) is in any text it emits, its title
    /// included, and, for a publish, that someone approved it as it stands.
    /// </summary>
    public static class ExternalCheck
    {
        /// <summary>Every text the external rendering emits, by field: the title as shown, then the four parts.</summary>
        public static IEnumerable<(string Field, string Text)> EmittedTexts(Postmortem postmortem)
        {
            var external = postmortem.External;
            yield return external.Title is string title ? ("External.Title", title) : ("Title", postmortem.Title);
            foreach (var field in ExternalVersion.Fields.Where(f => f.Name != "Title"))
            {
                if (external[field.Name] is string text) yield return ("External." + field.Name, text);
            }
        }

        /// <summary>The internal detail in every text the external rendering emits, field by field, in the document's order.</summary>
        public static IReadOnlyList<ExternalFinding> Find(Postmortem postmortem, ExternalSettings? settings = null)
        {
            if (postmortem is null) throw new ArgumentNullException(nameof(postmortem));
            var findings = new List<ExternalFinding>();
            foreach (var (field, text) in EmittedTexts(postmortem)) findings.AddRange(Scan(field, text, postmortem, settings));
            return findings;
        }

        // What the scanner finds in one field's text, knowing the postmortem it was written from (its people, hosts and
        // tickets) and what the team's settings let through or add.
        private static IEnumerable<ExternalFinding> Scan(string field, string text, Postmortem postmortem, ExternalSettings? settings)
        {
            foreach (var detail in InternalDetails.Find(text, postmortem, Options(settings)))
            {
                yield return new ExternalFinding(field, detail.Kind.ToString(), detail.Value, detail.Start, detail.Length, detail.Reason);
            }
        }

        private static InternalDetailOptions? Options(ExternalSettings? settings)
        {
            if (settings is null) return null;
            var options = new InternalDetailOptions();
            foreach (var host in settings.PublicHosts) options.PublicHosts.Add(host);
            foreach (var person in settings.People) options.People.Add(person);
            return options;
        }

        /// <summary>Refuses, with an <see cref="ExternalVersionException"/>, an external version whose required parts are not all written.</summary>
        public static void EnsureComplete(Postmortem postmortem)
        {
            var missing = postmortem.External.Missing;
            if (missing.Count == 0) return;
            var how = "Set-Postmortem " + string.Join(" ", missing.Select(m => $"-{m.Parameter} '...'"));
            var message = postmortem.External.IsEmpty
                ? $"'{postmortem.Title}' has no external version yet. Write it for customers, in plain words and apart from the internal analysis: {how} (and -ExternalWhatHappened, -ExternalTitle if you like)."
                : $"The external version of '{postmortem.Title}' still needs its {Words(missing.Select(m => m.Heading).ToList())}: {how}.";
            throw new ExternalVersionException(ExternalVersionProblem.Incomplete, message, missing: missing);
        }

        /// <summary>
        /// Refuses, with an <see cref="ExternalVersionException"/>, an external version that is not complete or whose
        /// emitted text holds internal detail; the message lists each finding with its field and reason.
        /// </summary>
        public static void EnsureReady(Postmortem postmortem, ExternalSettings? settings)
        {
            EnsureComplete(postmortem);
            var findings = Find(postmortem, settings);
            if (findings.Count == 0) return;
            throw new ExternalVersionException(ExternalVersionProblem.InternalDetail, Describe(postmortem, findings), findings);
        }

        /// <summary>Refuses a publish of an external version nobody approved as it stands, naming the command that approves it.</summary>
        public static void EnsureApproved(Postmortem postmortem)
        {
            var external = postmortem.External;
            if (external.IsApproved) return;
            var earlier = external.SignOffs.Count == 0
                ? "nobody has approved it"
                : $"it changed since {Words(external.SignOffs.Select(s => s.Reviewer).Distinct(StringComparer.OrdinalIgnoreCase).ToList())} approved it";
            throw new ExternalVersionException(ExternalVersionProblem.NotApproved,
                $"The external version of '{postmortem.Title}' is not approved as it stands ({earlier}), and what customers read is published once approved. Have it read and approved: Approve-Postmortem -Reviewer 'name' -Audience External; then publish it again.");
        }

        /// <summary>The message for internal detail found: each finding with its field and reason, and how to fix it.</summary>
        public static string Describe(Postmortem postmortem, IReadOnlyList<ExternalFinding> findings)
        {
            const int Shown = 8;
            var lines = findings.Take(Shown).Select(f => $"{Where(f.Field)}: {Article(f.Kind)} {Words(f.Kind)} '{f.Value}'. {f.Reason}");
            var more = findings.Count > Shown ? $" And {findings.Count - Shown} more." : string.Empty;
            var fixes = findings.Select(f => "Set-Postmortem -" + f.Parameter).Distinct().ToList();
            return $"The external version of '{postmortem.Title}' holds internal detail customers must not see ({findings.Count} {(findings.Count == 1 ? "finding" : "findings")}), so it was not written. "
                + string.Join(" ", lines.Select(l => l.EndsWith(".", StringComparison.Ordinal) ? l : l + ".")) + more
                + $" Rewrite it in plain words ({string.Join(", ", fixes)}); a domain customers may see goes in the settings file's External = @{{ PublicHosts = @('...') }}.";
        }

        /// <summary>The Set-Postmortem parameter that rewrites a field the check names.</summary>
        internal static string ParameterOf(string field) =>
            field == "Title" ? "ExternalTitle" : ExternalVersion.Fields.FirstOrDefault(f => "External." + f.Name == field)?.Parameter ?? "ExternalSummary";

        /// <summary>The section a finding of the field is reported in.</summary>
        internal static PostmortemSection SectionOf(string field) => PostmortemSection.ExternalVersion;

        private static string Where(string field) => field == "Title"
            ? "The title (the postmortem's own, which customers see while no -ExternalTitle is set)"
            : field;

        // "IPAddress" reads "IP address", "ChatChannel" "chat channel".
        private static string Words(string kind) => kind switch
        {
            "IPAddress" => "IP address",
            "EmailAddress" => "e-mail address",
            "InternalAddress" => "internal web address",
            "FilePath" => "file path",
            "ChatChannel" => "chat channel",
            "TicketKey" => "ticket key",
            "Hostname" => "host name",
            "Person" => "person's name",
            _ => kind.ToLowerInvariant(),
        };

        private static string Article(string kind) => "aeiou".IndexOf(char.ToLowerInvariant(Words(kind)[0])) >= 0 || kind == "IPAddress" ? "an" : "a";

        private static string Words(IReadOnlyList<string> items) =>
            items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[items.Count - 1];
    }
}
