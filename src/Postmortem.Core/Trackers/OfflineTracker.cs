using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Postmortems.Trackers
{
    /// <summary>
    /// A tracker read from an export file (<see cref="TrackerExport"/>) instead of its API: the sync reads closed issues
    /// back from it, and creates nothing. A Tracking value names an issue of the export by its address (GitHub's
    /// https://github.com/OWNER/REPO/issues/N, GitLab's web_url with or without its /-/, Jira's {site}/browse/KEY or any
    /// address ending in the key) or by its key (owner/repo#N, group/project#N, KEY-N; #N alone when the export is of one
    /// project). An item whose issue is not in the export is left as it is. Markers are found only in an export that
    /// holds the issues' bodies (gh's body, glab's description, Jira's Description column).
    /// </summary>
    public sealed class OfflineTracker : ITrackerClient
    {
        private static readonly Regex HashNumber = new Regex(@"^#(?<n>\d{1,18})$", RegexOptions.CultureInvariant);
        private readonly Dictionary<string, TrackerIssue> _byAddress = new Dictionary<string, TrackerIssue>(StringComparer.Ordinal);
        private readonly Dictionary<string, TrackerIssue> _byKey = new Dictionary<string, TrackerIssue>(StringComparer.OrdinalIgnoreCase);
        private readonly string? _onlyProject;

        public OfflineTracker(TrackerExport export)
        {
            Export = export ?? throw new ArgumentNullException(nameof(export));
            var projects = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var issue in export.Issues)
            {
                if (Address(issue.Url) is string address && !_byAddress.ContainsKey(address)) _byAddress.Add(address, issue);
                if (!_byKey.ContainsKey(issue.Key)) _byKey.Add(issue.Key, issue);
                int hash = issue.Key.LastIndexOf('#');
                if (hash > 0) projects.Add(issue.Key.Substring(0, hash));
            }
            // "#42" names an issue only where the export is of one repository or project.
            if (projects.Count == 1) _onlyProject = projects.First();
        }

        public TrackerExport Export { get; }

        public string Name => "the export " + FileName(Export.Source);

        public bool CanCreate => false;

        public bool Owns(string tracking) => Find(tracking) is not null;

        public TrackerIssue? Get(string tracking) => Find(tracking);

        public TrackerIssue? FindByMarker(string marker)
        {
            if (!Export.HasBodies || string.IsNullOrEmpty(marker)) return null;
            foreach (var issue in Export.Issues)
            {
                var body = issue.Body;
                if (body is null) continue;
                for (int at = body.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = body.IndexOf(marker, at + 1, StringComparison.Ordinal))
                {
                    // The marker as a whole token, not the start of a longer one.
                    int end = at + marker.Length;
                    if (end == body.Length || !char.IsLetterOrDigit(body[end])) return issue;
                }
            }
            return null;
        }

        public TrackerIssue Create(NewTrackerIssue issue) =>
            throw new NotSupportedException($"{Name} is a file read from the tracker: it cannot create issues. Create the issue in the tracker, or sync with its API.");

        private TrackerIssue? Find(string? tracking)
        {
            var text = tracking?.Trim();
            if (string.IsNullOrEmpty(text)) return null;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            {
                if (Address(text!) is string address && _byAddress.TryGetValue(address, out var byAddress)) return byAddress;
                // A Jira issue by any address that ends in its key (a TrackingUrl pattern of the postmortem's own), on the
                // site given, or on any site when none was.
                if (TrackingLinks.KeyOf(uri.GetLeftPart(UriPartial.Path)) is string key && _byKey.TryGetValue(key, out var byKey) && TrackingLinks.IsKey(byKey.Key)
                    && (Export.Site is null || SameHost(Export.Site, uri)))
                {
                    return byKey;
                }
                return null;
            }
            var hash = HashNumber.Match(text!);
            if (hash.Success) return _onlyProject is null ? null : _byKey.TryGetValue(_onlyProject + "#" + hash.Groups["n"].Value.TrimStart('0'), out var only) ? only : null;
            return _byKey.TryGetValue(text!, out var issue) ? issue : null;
        }

        // An address as compared: host (without www.) and path, case ignored, without scheme, query, fragment or trailing
        // slash; GitLab's /-/ and work_items read as the plain issues path.
        private static string? Address(string url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)) return null;
            var host = Host(uri);
            var segments = uri.AbsolutePath.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries)
                .Where(s => s != "-")
                .Select(s => s.Equals("work_items", StringComparison.OrdinalIgnoreCase) ? "issues" : Uri.UnescapeDataString(s));
            return (host + "/" + string.Join("/", segments)).ToLowerInvariant();
        }

        private static string Host(Uri uri)
        {
            var host = uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host.Substring(4) : uri.Host;
            return uri.IsDefaultPort ? host : host + ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        private static bool SameHost(Uri a, Uri b) => string.Equals(Host(a), Host(b), StringComparison.OrdinalIgnoreCase);

        private static string FileName(string source)
        {
            try
            {
                var name = Path.GetFileName(source);
                return string.IsNullOrEmpty(name) ? source : name;
            }
            catch (ArgumentException)
            {
                return source;
            }
        }
    }
}
