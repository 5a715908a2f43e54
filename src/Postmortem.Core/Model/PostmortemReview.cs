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
                // Most often a typo of a reviewer who is named; adding a second, misspelt reviewer would hold the review up.
                throw new PostmortemStateException(ClosestReviewer(postmortem.Reviewers, name) is string meant
                    ? $"{name} is not a reviewer of '{postmortem.Title}'; did you mean {meant}? Approve-Postmortem -Reviewer '{meant}'. (The reviewers are {Names(postmortem.Reviewers)}; to add {name} as another: Submit-PostmortemReview -Reviewer '{name}'.)"
                    : $"{name} is not a reviewer of '{postmortem.Title}' (the reviewers are {Names(postmortem.Reviewers)}). Add them first: Submit-PostmortemReview -Reviewer '{name}'.");
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

        /// <summary>
        /// Records an approval of the external version as it stands: its own sign-off, with the fingerprint of the text
        /// customers will read (<see cref="ExternalVersion.ContentDigest"/>), apart from the internal review. It does not
        /// wait for the internal review, and anyone may give it (at work often the support lead or communications, who
        /// need not be a reviewer of the postmortem). An external version that is not complete, or shows internal detail
        /// (by <paramref name="settings"/>), is refused: that text could not be published anyway.
        /// </summary>
        public static SignOff ApproveExternal(Postmortem postmortem, string reviewer, DateTime now, string? comment = null, ExternalSettings? settings = null)
        {
            var name = Text.SingleLine(reviewer) ?? throw new PostmortemStateException("An approval needs the reviewer's name: -Reviewer 'name'.");
            Privacy.ExternalCheck.EnsureReady(postmortem, settings);
            // A reviewer of the postmortem signs with their name as it names them.
            name = postmortem.Reviewers.FirstOrDefault(r => r.Equals(name, StringComparison.OrdinalIgnoreCase)) ?? name;
            var signOff = new SignOff(name, now, comment, null, postmortem.External.ContentDigest);
            postmortem.External.SignOffs.RemoveAll(s => s.Reviewer.Equals(name, StringComparison.OrdinalIgnoreCase));
            postmortem.External.SignOffs.Add(signOff);
            return signOff;
        }

        /// <summary>
        /// The named reviewer a name that is none of them was most likely meant to be: one whose first or last name it
        /// is, or which it starts ('Marcus' for 'Marcus Lee'), else one it is a typo of (a few letters off, case
        /// ignored: 'Marcus Le', 'Marcsu Lee'). Null when none is close, or when two are equally close.
        /// </summary>
        public static string? ClosestReviewer(IEnumerable<string> reviewers, string name)
        {
            var given = name.Trim();
            if (given.Length == 0) return null;
            var list = reviewers.Where(r => !string.IsNullOrWhiteSpace(r)).ToList();
            var byPart = list.Where(r => given.Length >= 3 &&
                                         (r.StartsWith(given, StringComparison.OrdinalIgnoreCase) ||
                                          r.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries).Any(part => part.Equals(given, StringComparison.OrdinalIgnoreCase))))
                             .ToList();
            if (byPart.Count > 0) return byPart.Count == 1 ? byPart[0] : null;
            var scored = list.Select(r => (Reviewer: r, Distance: EditDistance(r.ToLowerInvariant(), given.ToLowerInvariant())))
                             .Where(s => s.Distance <= Math.Max(2, Math.Min(s.Reviewer.Length, given.Length) / 4))
                             .OrderBy(s => s.Distance)
                             .ToList();
            if (scored.Count == 0 || (scored.Count > 1 && scored[1].Distance == scored[0].Distance)) return null;
            return scored[0].Reviewer;
        }

        // Letters inserted, deleted, changed or swapped with the next one (optimal string alignment distance).
        private static int EditDistance(string a, string b)
        {
            var d = new int[a.Length + 1, b.Length + 1];
            for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
            for (int j = 0; j <= b.Length; j++) d[0, j] = j;
            for (int i = 1; i <= a.Length; i++)
            {
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
            return d[a.Length, b.Length];
        }

        /// <summary>
        /// What a reviewer approving is told when Test-Postmortem still finds errors: how many, the first few, and that
        /// Complete-Postmortem waits for them. Null when there are none. The approval itself is theirs to give.
        /// </summary>
        public static string? ErrorsAtApproval(Postmortem postmortem, IReadOnlyCollection<DiagnosticRecord> findings)
        {
            var errors = findings.Where(f => f.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count == 0) return null;
            return $"'{postmortem.Title}' still has {errors.Count} {(errors.Count == 1 ? "error" : "errors")} from Test-Postmortem ({string.Join("; ", errors.Take(3).Select(e => $"{e.RuleName} at {e.Target}"))}{(errors.Count > 3 ? $"; and {errors.Count - 3} more" : "")}). " +
                   "A reviewer may still approve it, but Complete-Postmortem will not make it final until they are fixed (or -Force). See them with: $pm | Test-Postmortem | Where-Object Severity -eq Error";
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
