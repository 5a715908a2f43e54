using System;
using System.Collections.Generic;

namespace Postmortems
{
    /// <summary>
    /// Where the document stands in the guide's workflow ("Write draft → Review → Finalize action items → Save"),
    /// beside the incident's own Status.
    /// </summary>
    public enum DocumentState
    {
        Draft = 0,
        InReview,
        Final,
    }

    /// <summary>A reviewer's dated approval, with the warnings they accepted as they are.</summary>
    public sealed class SignOff
    {
        public SignOff(string reviewer, DateTime date, string? comment = null, IEnumerable<string>? acknowledgedRules = null, string? contentDigest = null)
        {
            ContentDigest = contentDigest;
            Reviewer = Text.SingleLine(reviewer) ?? throw new ArgumentException("A sign-off needs the reviewer's name.", nameof(reviewer));
            Date = TimelineTime.ToUtc(date);
            Comment = Text.Normalize(comment);
            if (acknowledgedRules is not null)
            {
                foreach (var rule in acknowledgedRules)
                {
                    var name = Text.SingleLine(rule);
                    if (name is not null && !AcknowledgedRules.Contains(name)) AcknowledgedRules.Add(name);
                }
            }
        }

        public string Reviewer { get; }

        /// <summary>When the approval was given (UTC).</summary>
        public DateTime Date { get; }

        public string? Comment { get; }

        /// <summary>Test-Postmortem rules whose warnings the reviewer accepted.</summary>
        public List<string> AcknowledgedRules { get; } = new List<string>();

        /// <summary>
        /// The fingerprint of the postmortem's content when it was approved (PostmortemYaml.ContentDigest); null for an
        /// approval recorded before the module kept it.
        /// </summary>
        public string? ContentDigest { get; }

        public override string ToString() => $"{Reviewer} approved {Rendering.ReadableTime.Utc(Date)}";
    }

    /// <summary>A recorded unlock of a final postmortem: when and why.</summary>
    public sealed class Unlock
    {
        public Unlock(DateTime date, string reason)
        {
            Date = TimelineTime.ToUtc(date);
            Reason = Text.Normalize(reason) ?? throw new ArgumentException("An unlock needs a reason.", nameof(reason));
        }

        public DateTime Date { get; }

        public string Reason { get; }

        public override string ToString() => $"{Rendering.ReadableTime.Utc(Date)}: {Reason}";
    }
}
