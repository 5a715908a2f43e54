using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Postmortems
{
    /// <summary>Who a rendering of a postmortem is for: the team (the whole template) or its customers (the external version alone).</summary>
    public enum Audience
    {
        Internal,
        External,
    }

    /// <summary>
    /// The customer-facing version of a postmortem, written beside the internal one for that audience: a summary, the
    /// customer impact, what happened in plain words, and what we are doing about it. It is never drawn from the
    /// internal timeline, root cause or action items; it has its own sign-offs, each for the text it approved, and its own
    /// publication record. It stays editable while the postmortem is final (it is usually written after), and an edit
    /// leaves earlier approvals on record but no longer current.
    /// </summary>
    public sealed class ExternalVersion
    {
        private readonly Postmortem _owner;
        private string? _title;
        private string? _summary;
        private string? _customerImpact;
        private string? _whatHappened;
        private string? _whatWeAreDoing;

        internal ExternalVersion(Postmortem owner) => _owner = owner;

        /// <summary>The title customers see; null shows the postmortem's own title.</summary>
        public string? Title
        {
            get => _title;
            set => _title = Text.SingleLine(value);
        }

        /// <summary>What happened and what it meant for customers, in two or three sentences.</summary>
        public string? Summary
        {
            get => _summary;
            set => _summary = Text.Normalize(value);
        }

        /// <summary>Who was affected, how, and for how long, as customers felt it.</summary>
        public string? CustomerImpact
        {
            get => _customerImpact;
            set => _customerImpact = Text.Normalize(value);
        }

        /// <summary>The course of the incident in plain words (optional): no hosts, people or internal systems.</summary>
        public string? WhatHappened
        {
            get => _whatHappened;
            set => _whatHappened = Text.Normalize(value);
        }

        /// <summary>What is being done so it does not happen again, as a promise customers can hold us to.</summary>
        public string? WhatWeAreDoing
        {
            get => _whatWeAreDoing;
            set => _whatWeAreDoing = Text.Normalize(value);
        }

        /// <summary>The approvals of the external text, each with the fingerprint of the text it approved.</summary>
        public List<SignOff> SignOffs { get; } = new List<SignOff>();

        /// <summary>Where the external page was last published; null until then. Apart from the internal page's record.</summary>
        public Publication? Publication { get; set; }

        /// <summary>The title customers see: <see cref="Title"/>, else the postmortem's.</summary>
        public string ShownTitle => Title ?? _owner.Title;

        /// <summary>No text written (sign-offs and a publication record are no text).</summary>
        public bool IsEmpty => Title is null && Summary is null && CustomerImpact is null && WhatHappened is null && WhatWeAreDoing is null;

        /// <summary>Whether anything of it is there to keep: text, a sign-off or a publication record.</summary>
        public bool HasAny => !IsEmpty || SignOffs.Count > 0 || Publication is not null;

        /// <summary>The parameters, fields and their headings, in the order the document shows them.</summary>
        public static IReadOnlyList<ExternalField> Fields { get; } = new[]
        {
            new ExternalField("Title", "Title", "ExternalTitle", false),
            new ExternalField("Summary", "Summary", "ExternalSummary", true),
            new ExternalField("CustomerImpact", "Customer Impact", "ExternalImpact", true),
            new ExternalField("WhatHappened", "What Happened", "ExternalWhatHappened", false),
            new ExternalField("WhatWeAreDoing", "What We Are Doing", "ExternalNextSteps", true),
        };

        /// <summary>The text of a field by its property name (Summary, CustomerImpact, ...).</summary>
        public string? this[string field] => field switch
        {
            "Title" => Title,
            "Summary" => Summary,
            "CustomerImpact" => CustomerImpact,
            "WhatHappened" => WhatHappened,
            "WhatWeAreDoing" => WhatWeAreDoing,
            _ => throw new ArgumentException($"'{field}' is not a field of the external version.", nameof(field)),
        };

        internal void Set(string field, string? text)
        {
            switch (field)
            {
                case "Title": Title = text; break;
                case "Summary": Summary = text; break;
                case "CustomerImpact": CustomerImpact = text; break;
                case "WhatHappened": WhatHappened = text; break;
                case "WhatWeAreDoing": WhatWeAreDoing = text; break;
                default: throw new ArgumentException($"'{field}' is not a field of the external version.", nameof(field));
            }
        }

        /// <summary>
        /// How long customers were affected: the impact window when both its ends are set (GitLab.com was offline
        /// 18 h 47 min, while the incident ran 20 h 14 min from the page), else the postmortem's Duration.
        /// </summary>
        public TimeSpan? CustomerDuration =>
            _owner.Impact.ImpactStart is DateTime start && _owner.Impact.ImpactEnd is DateTime end && end > start ? end - start : _owner.Duration;

        /// <summary>The required fields not yet written (Summary, CustomerImpact, WhatWeAreDoing).</summary>
        public IReadOnlyList<ExternalField> Missing => Fields.Where(f => f.Required && this[f.Name] is null).ToList();

        /// <summary>
        /// A fingerprint of what customers are shown: the title as shown, the date and duration, and the four fields. An
        /// approval records it, so an edit since shows.
        /// </summary>
        public string ContentDigest
        {
            get
            {
                var parts = new[]
                {
                    ShownTitle,
                    _owner.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    CustomerDuration is TimeSpan d ? Rendering.PostmortemMarkdown.FormatDuration(d) : null,
                    Summary, CustomerImpact, WhatHappened, WhatWeAreDoing,
                };
                // A field's absence and its text stay apart: \u0001 marks no text, \u001f separates fields.
                var canonical = string.Join("\u001f", parts.Select(p => p ?? "\u0001"));
                using var sha = System.Security.Cryptography.SHA256.Create();
                var hash = sha.ComputeHash(System.Text.Encoding.UTF8.GetBytes(canonical));
                return string.Concat(hash.Take(16).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
            }
        }

        /// <summary>The sign-offs that approved the text as it is now.</summary>
        public IReadOnlyList<SignOff> CurrentSignOffs
        {
            get
            {
                var now = ContentDigest;
                return SignOffs.Where(s => s.ContentDigest == now).ToList();
            }
        }

        /// <summary>Someone approved the external text as it is now.</summary>
        public bool IsApproved => CurrentSignOffs.Count > 0;

        /// <summary>Where the external version stands, for the postmortem's views.</summary>
        public override string ToString()
        {
            if (!HasAny) return "(none)";
            var written = Fields.Count(f => f.Name != "Title" && this[f.Name] is not null);
            var state = Missing.Count > 0 ? $"{written} of 4 parts written, {Missing.Count} still needed ({string.Join(", ", Missing.Select(m => "-" + m.Parameter))})" : $"{written} of 4 parts written";
            var current = CurrentSignOffs;
            string approval = current.Count > 0
                ? "approved by " + string.Join(", ", current.Select(s => $"{s.Reviewer} ({Rendering.ReadableTime.UtcMinute(s.Date)})"))
                : SignOffs.Count > 0 ? $"not approved as it stands (changed since {string.Join(", ", SignOffs.Select(s => s.Reviewer))} approved it)" : "not approved";
            var published = Publication is Publication p ? $"; published as page {p.PageId}" : string.Empty;
            return $"{state}; {approval}{published}";
        }
    }

    /// <summary>A field of the external version: its property, the heading the document gives it, the Set-Postmortem parameter that fills it.</summary>
    public sealed class ExternalField
    {
        internal ExternalField(string name, string heading, string parameter, bool required)
        {
            Name = name;
            Heading = heading;
            Parameter = parameter;
            Required = required;
        }

        public string Name { get; }

        public string Heading { get; }

        public string Parameter { get; }

        public bool Required { get; }

        public override string ToString() => Name;
    }
}
