using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Postmortems.Privacy
{
    /// <summary>What Protect-Postmortem replaces besides secrets, which it always redacts.</summary>
    public sealed class ProtectOptions
    {
        public bool EmailAddresses { get; set; }

        public bool IPAddresses { get; set; }

        /// <summary>People's names and the role each is replaced with, such as 'Ana Lima' = 'the on-call engineer'.</summary>
        public IDictionary<string, string> Names { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>How much Protect-Postmortem replaced.</summary>
    public sealed class ProtectionReport
    {
        public string PostmortemTitle { get; internal set; } = string.Empty;

        public int Secrets { get; internal set; }

        public int EmailAddresses { get; internal set; }

        public int IPAddresses { get; internal set; }

        public int Names { get; internal set; }

        public override string ToString() => $"{Secrets} secret(s), {EmailAddresses} e-mail address(es), {IPAddresses} IP address(es), {Names} name(s) replaced";
    }

    /// <summary>Makes a postmortem safe to share: secrets redacted everywhere, and on request e-mail and IP addresses and people's names replaced in its text.</summary>
    public static class PostmortemProtector
    {
        public const string EmailMask = "[email]";
        public const string IPMask = "[ip-address]";

        public static ProtectionReport Protect(Postmortem postmortem, ProtectOptions options)
        {
            var report = new ProtectionReport { PostmortemTitle = postmortem.Title };
            string Secrets(string text)
            {
                var found = SecretScanner.FindAll(text);
                if (found.Count == 0) return text;
                report.Secrets += found.Count;
                return SecretScanner.Redact(text, found);
            }

            // Secrets go wherever they are, names and sources included.
            Fields.RewriteProse(postmortem, Secrets);
            RewriteNames(postmortem.Authors, Secrets);
            RewriteNames(postmortem.Reviewers, Secrets);
            RewriteNames(postmortem.Impact.ServicesAffected, Secrets);
            foreach (var name in postmortem.WhyChains.Names)
            {
                var redacted = Text.SingleLine(Secrets(name));
                if (redacted is not null && redacted != name) postmortem.WhyChains.Rename(name, redacted);
            }
            foreach (var item in postmortem.ActionItems) item.Owner = item.Owner is null ? null : Text.SingleLine(Secrets(item.Owner));
            for (int i = 0; i < postmortem.Timeline.Count; i++)
            {
                var e = postmortem.Timeline[i];
                var source = Secrets(e.Source);
                if (source != e.Source) postmortem.Timeline.ReplaceAt(i, new TimelineEvent(e.UtcTime, e.Event, e.Milestone, source, e.Approximate, e.TimeUnknown));
            }
            foreach (var signOffs in new[] { postmortem.SignOffs, postmortem.External.SignOffs })
            {
                for (int i = 0; i < signOffs.Count; i++)
                {
                    var s = signOffs[i];
                    var reviewer = Text.SingleLine(Secrets(s.Reviewer)) ?? s.Reviewer;
                    if (reviewer != s.Reviewer) signOffs[i] = new SignOff(reviewer, s.Date, s.Comment, s.AcknowledgedRules, s.ContentDigest);
                }
            }
            // The internal page's record and the external page's alike.
            foreach (var publication in new[] { postmortem.Publication, postmortem.External.Publication }.OfType<Publication>())
            {
                // A server address keeps its place and loses its user name and password (the page is still found by it).
                if (SecretScanner.FindAll(publication.Server).Count > 0)
                {
                    report.Secrets++;
                    publication.Server = Addresses.WithoutUserInfo(publication.Server);
                }
                publication.UpdatedByName = publication.UpdatedByName is null ? null : Text.SingleLine(Secrets(publication.UpdatedByName));
                RewriteNames(publication.Tags, Secrets);
            }

            if (options.EmailAddresses)
            {
                Fields.RewriteProse(postmortem, text => ContactAddresses.ReplaceEmails(text, _ => { report.EmailAddresses++; return EmailMask; }));
            }
            if (options.IPAddresses)
            {
                Fields.RewriteProse(postmortem, text =>
                {
                    text = ContactAddresses.IPv4.Replace(text, _ => { report.IPAddresses++; return IPMask; });
                    return ContactAddresses.IPv6Candidate.Replace(text, m =>
                    {
                        if (!ContactAddresses.IsIPv6(m.Value)) return m.Value;
                        report.IPAddresses++;
                        return IPMask;
                    });
                });
            }
            foreach (var pair in options.Names.OrderByDescending(n => n.Key.Length))
            {
                var name = pair.Key.Trim();
                if (name.Length == 0) continue;
                var pattern = new Regex(@"(?<![\w])" + Regex.Escape(name) + @"(?![\w])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
                var role = string.IsNullOrWhiteSpace(pair.Value) ? "[person]" : pair.Value.Trim();
                Fields.RewriteProse(postmortem, text => pattern.Replace(text, _ => { report.Names++; return role; }));
            }
            return report;
        }

        private static void RewriteNames(IList<string> names, Func<string, string> rewrite)
        {
            for (int i = 0; i < names.Count; i++) names[i] = Text.SingleLine(rewrite(names[i])) ?? names[i];
        }
    }
}
