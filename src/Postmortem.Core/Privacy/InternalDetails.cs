using System;
using System.Collections;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Postmortems.Privacy
{
    /// <summary>What kind of internal detail a customer-facing text holds.</summary>
    public enum InternalDetailKind
    {
        Hostname,
        IPAddress,
        EmailAddress,
        Secret,
        Person,
        InternalAddress,
        FilePath,
        ChatChannel,
        TicketKey,
        Command,
    }

    /// <summary>One piece of internal detail in a text: what it is, where, and why it must not reach customers.</summary>
    public sealed class InternalDetail
    {
        public InternalDetail(InternalDetailKind kind, string value, int start, int length, string reason)
        {
            Kind = kind;
            Value = value ?? throw new ArgumentNullException(nameof(value));
            Start = start;
            Length = length;
            Reason = reason ?? throw new ArgumentNullException(nameof(reason));
        }

        public InternalDetailKind Kind { get; }

        /// <summary>The text found, as it stands in the scanned text.</summary>
        public string Value { get; }

        /// <summary>Where it starts in the scanned text (a UTF-16 index, as string.Substring takes it).</summary>
        public int Start { get; }

        public int Length { get; }

        /// <summary>One sentence: why this reads as internal, and what to write instead.</summary>
        public string Reason { get; }

        public override string ToString() => $"{Kind} '{Value}' at {Start}: {Reason}";
    }

    /// <summary>
    /// What the scanner may let through and what else it must look for.
    /// </summary>
    public sealed class InternalDetailOptions
    {
        /// <summary>
        /// Domains customers may see, such as gitlab.com and status.gitlab.com (a scheme, path, port, a leading "*." or a
        /// trailing dot is ignored). A listed domain is public, and so is a name under it whose further labels are all
        /// plain words (docs.gitlab.com under gitlab.com); a name under it with a digit or an internal word in those
        /// labels (db1.cluster.gitlab.com, grafana.internal.gitlab.com) is public only when it is listed itself.
        /// </summary>
        public ICollection<string> PublicHosts { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// People's names to find besides those the postmortem names (its authors, reviewers, owners and sign-offs):
        /// full names, whose first names are found too, handles, or initials.
        /// </summary>
        public ICollection<string> People { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Finds what a customer-facing text must not show: hostnames, IP and e-mail addresses, secrets, people's names and
    /// handles, internal web addresses, file paths, chat channels, ticket keys and commands. It knows the internal
    /// postmortem the text was written from, so a host, a name or a ticket the postmortem mentions is found in the
    /// text too. Tuned to let ordinary customer prose through (versions, times, product names, public regions).
    /// </summary>
    public static class InternalDetails
    {
        /// <summary>
        /// The internal details in the text, in order, none overlapping another (where two would, the one that says
        /// most wins: a secret over the address that holds it, an address over its host). Empty for null or empty text.
        /// </summary>
        /// <param name="text">The customer-facing text to check.</param>
        /// <param name="source">The internal postmortem it was written from, whose names, hosts and tickets are looked for too; null for none.</param>
        /// <param name="options">Public domains and further names; null for none.</param>
        public static IReadOnlyList<InternalDetail> Find(string text, Postmortem? source, InternalDetailOptions? options = null)
        {
            if (string.IsNullOrEmpty(text)) return Array.Empty<InternalDetail>();
            var known = KnownDetails.From(source, options);
            var found = new List<DetailCandidate>();
            try
            {
                DetailFinders.FindAll(text, known, found);
            }
            catch (RegexMatchTimeoutException)
            {
                // Never with these patterns on real text; if it happens, none of the text is taken as safe.
                return new[]
                {
                    new InternalDetail(InternalDetailKind.Secret, text, 0, text.Length,
                        "The text could not be checked in time; shorten it, or split it into smaller fields, and check it again."),
                };
            }
            return DetailCandidate.Resolve(text, found);
        }
    }

    /// <summary>A finding before overlaps are resolved.</summary>
    internal readonly struct DetailCandidate
    {
        public DetailCandidate(InternalDetailKind kind, int start, int length, string reason)
        {
            Kind = kind;
            Start = start;
            Length = length;
            Reason = reason;
        }

        public InternalDetailKind Kind { get; }
        public int Start { get; }
        public int Length { get; }
        public int End => Start + Length;
        public string Reason { get; }

        // Which kind wins an overlap: the one that says most about the danger (a secret in a command is a secret).
        private static int Precedence(InternalDetailKind kind) => kind switch
        {
            InternalDetailKind.Secret => 0,
            InternalDetailKind.EmailAddress => 1,
            InternalDetailKind.InternalAddress => 2,
            InternalDetailKind.Command => 3,
            InternalDetailKind.FilePath => 4,
            InternalDetailKind.IPAddress => 5,
            InternalDetailKind.Hostname => 6,
            InternalDetailKind.Person => 7,
            InternalDetailKind.ChatChannel => 8,
            _ => 9,
        };

        /// <summary>The candidates by precedence, then length, each kept unless it overlaps one kept already; in text order.</summary>
        public static IReadOnlyList<InternalDetail> Resolve(string text, List<DetailCandidate> candidates)
        {
            if (candidates.Count == 0) return Array.Empty<InternalDetail>();
            candidates.Sort((a, b) =>
            {
                int byKind = Precedence(a.Kind).CompareTo(Precedence(b.Kind));
                if (byKind != 0) return byKind;
                return a.Length != b.Length ? b.Length.CompareTo(a.Length) : a.Start.CompareTo(b.Start);
            });
            var kept = new List<DetailCandidate>();
            var taken = new BitArray(text.Length);   // the characters a kept finding covers
            foreach (var c in candidates)
            {
                if (c.Length <= 0 || c.End > text.Length || Overlaps(taken, c.Start, c.End)) continue;
                for (int i = c.Start; i < c.End; i++) taken[i] = true;
                kept.Add(c);
            }
            kept.Sort((a, b) => a.Start.CompareTo(b.Start));
            var result = new List<InternalDetail>(kept.Count);
            foreach (var c in kept) result.Add(new InternalDetail(c.Kind, text.Substring(c.Start, c.Length), c.Start, c.Length, c.Reason));
            return result;
        }

        private static bool Overlaps(BitArray taken, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                if (taken[i]) return true;
            }
            return false;
        }
    }
}
