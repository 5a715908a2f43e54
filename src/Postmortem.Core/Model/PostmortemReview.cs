using System;
using System.Collections.Generic;
using System.Linq;
using Postmortems.Rules;

namespace Postmortems
{
    /// <summary>A move the review workflow does not allow; the message says why and what to do instead.</summary>
    public sealed class PostmortemStateException : InvalidOperationException
    {
        public PostmortemStateException(string message) : base(message)
        {
        }
    }

    /// <summary>
    /// The guide's workflow as states: Draft → (Submit) InReview → (Approve, per reviewer) → (Complete) Final, which
    /// locks the postmortem; Unlock (with a recorded reason) takes it back to InReview. At work every named reviewer
    /// approves before it is final ("have someone else read it in work contexts"); at home the author finalizes it.
    /// </summary>
    public static class PostmortemReview
    {
        public static void Submit(Postmortem postmortem, IEnumerable<string>? reviewers)
        {
            if (postmortem.State == DocumentState.Final) throw Locked(postmortem, "submitted for review");
            foreach (var reviewer in reviewers ?? Enumerable.Empty<string>())
            {
                var name = Text.SingleLine(reviewer);
                if (name is not null && !postmortem.Reviewers.Contains(name, StringComparer.OrdinalIgnoreCase)) postmortem.Reviewers.Add(name);
            }
            if (postmortem.Context == IncidentContext.Work && postmortem.Reviewers.Count == 0)
            {
                throw new PostmortemStateException(
                    $"'{postmortem.Title}' is a work postmortem and names no reviewer. Name someone who was not in the incident: Submit-PostmortemReview -Reviewer 'name' (fresh eyes catch gaps).");
            }
            postmortem.State = DocumentState.InReview;
        }

        public static SignOff Approve(Postmortem postmortem, string reviewer, DateTime now, string? comment = null, IEnumerable<string>? acknowledgedRules = null)
        {
            if (postmortem.State != DocumentState.InReview)
            {
                throw new PostmortemStateException(postmortem.State == DocumentState.Final
                    ? $"'{postmortem.Title}' is final already; Unlock-Postmortem -Reason '...' reopens it for review."
                    : $"'{postmortem.Title}' is a draft; submit it for review first: Submit-PostmortemReview -Reviewer '{reviewer}'.");
            }
            var name = Text.SingleLine(reviewer) ?? throw new PostmortemStateException("An approval needs the reviewer's name: -Reviewer 'name'.");
            if (postmortem.Context == IncidentContext.Work && !postmortem.Reviewers.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new PostmortemStateException(
                    $"{name} is not a reviewer of '{postmortem.Title}' (the reviewers are {Names(postmortem.Reviewers)}). Add them first: Submit-PostmortemReview -Reviewer '{name}'.");
            }
            // The sign-off carries the reviewer's name as the postmortem names them.
            name = postmortem.Reviewers.FirstOrDefault(r => r.Equals(name, StringComparison.OrdinalIgnoreCase)) ?? name;
            var known = new HashSet<string>(PostmortemRules.All.Select(r => r.Name), StringComparer.OrdinalIgnoreCase);
            var unknown = (acknowledgedRules ?? Enumerable.Empty<string>()).Where(r => !known.Contains(r)).ToList();
            if (unknown.Count > 0)
            {
                throw new PostmortemStateException($"'{string.Join("', '", unknown)}' is not a rule. Get-PostmortemRule lists them.");
            }
            var signOff = new SignOff(name, now, comment, acknowledgedRules, Serialization.PostmortemYaml.ContentDigest(postmortem));
            postmortem.SignOffs.RemoveAll(s => s.Reviewer.Equals(name, StringComparison.OrdinalIgnoreCase));
            postmortem.SignOffs.Add(signOff);
            return signOff;
        }

        /// <summary>The named reviewers who have not approved yet.</summary>
        /// <remarks>
        /// A sign-off given before the last unlock approved the text as it was then; what changed since has not been
        /// read, so it counts only when given after the unlock. The earlier sign-off stays on record until then.
        /// </remarks>
        public static IReadOnlyList<string> PendingReviewers(Postmortem postmortem)
        {
            var since = postmortem.Unlocks.Count == 0 ? DateTime.MinValue : postmortem.Unlocks.Max(u => u.Date);
            return postmortem.Reviewers
                .Where(r => !postmortem.SignOffs.Any(s => s.Reviewer.Equals(r, StringComparison.OrdinalIgnoreCase) && s.Date >= since))
                .ToList();
        }

        /// <summary>
        /// Makes the postmortem final and locks it. At work every named reviewer must have approved, forced or not;
        /// elsewhere the author finalizes it. A postmortem with Error findings is not finalized unless forced.
        /// </summary>
        public static void Complete(Postmortem postmortem, IReadOnlyCollection<DiagnosticRecord> findings, bool force)
        {
            if (postmortem.State == DocumentState.Final) throw new PostmortemStateException($"'{postmortem.Title}' is final already.");
            if (postmortem.Context == IncidentContext.Work)
            {
                if (postmortem.State != DocumentState.InReview)
                {
                    throw new PostmortemStateException($"'{postmortem.Title}' is a work postmortem and has not been reviewed. Submit-PostmortemReview -Reviewer 'name' first.");
                }
                // -Force overrides Test-Postmortem's errors, never the review itself.
                var pending = PendingReviewers(postmortem);
                if (pending.Count > 0)
                {
                    var again = postmortem.Unlocks.Count > 0 && pending.Any(r => postmortem.SignOffs.Any(s => s.Reviewer.Equals(r, StringComparison.OrdinalIgnoreCase)))
                        ? " again: it changed after their sign-off, when it was unlocked"
                        : string.Empty;
                    throw new PostmortemStateException($"'{postmortem.Title}' waits for {Names(pending)} to approve{again} (Approve-Postmortem -Reviewer 'name').");
                }
            }
            var errors = findings.Where(f => f.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0 && !force)
            {
                throw new PostmortemStateException(
                    $"'{postmortem.Title}' still has {errors.Count} error(s) from Test-Postmortem ({string.Join("; ", errors.Take(3).Select(e => $"{e.RuleName} at {e.Target}"))}{(errors.Count > 3 ? "; ..." : "")}). Fix them, or use -Force.");
            }
            postmortem.State = DocumentState.Final;
        }

        public static Unlock Unlock(Postmortem postmortem, string reason, DateTime now)
        {
            if (postmortem.State != DocumentState.Final) throw new PostmortemStateException($"'{postmortem.Title}' is not final, so there is nothing to unlock.");
            var unlock = new Unlock(now, Text.Normalize(reason) ?? throw new PostmortemStateException("Say why it is unlocked: -Reason 'Corrected the detection time'."));
            postmortem.Unlocks.Add(unlock);
            postmortem.State = DocumentState.InReview;
            return unlock;
        }

        /// <summary>
        /// The sign-offs of a final postmortem that approved other content than it holds now: it was edited around the
        /// lock (a draft changed by hand, say). Empty for a postmortem that is not final, and for sign-offs that
        /// recorded no fingerprint.
        /// </summary>
        public static IReadOnlyList<SignOff> ApprovedOtherContent(Postmortem postmortem)
        {
            if (postmortem.State != DocumentState.Final || postmortem.SignOffs.All(s => s.ContentDigest is null)) return new List<SignOff>();
            var now = Serialization.PostmortemYaml.ContentDigest(postmortem);
            var nowWithFollowUp = Serialization.PostmortemYaml.ContentDigestWithFollowUp(postmortem);
            var lastUnlock = postmortem.Unlocks.Count == 0 ? DateTime.MinValue : postmortem.Unlocks.Max(u => u.Date);
            // Sign-offs from before the last unlock approved an earlier text, as the review knows already.
            return postmortem.SignOffs.Where(s => s.ContentDigest is string approved && approved != now && approved != nowWithFollowUp && s.Date >= lastUnlock).ToList();
        }

        /// <summary>The error for a change to a final postmortem.</summary>
        public static PostmortemStateException Locked(Postmortem postmortem, string what) =>
            new PostmortemStateException($"'{postmortem.Title}' is final and locked, so it cannot be {what}. Unlock-Postmortem -Reason '...' reopens it (the reason is recorded).");

        private static string Names(IEnumerable<string> names) => string.Join(", ", names.Select(n => "'" + n + "'"));
    }
}
