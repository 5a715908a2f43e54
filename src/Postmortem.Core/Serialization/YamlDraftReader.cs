using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Postmortems.Rendering;

namespace Postmortems.Serialization
{
    /// <summary>
    /// Turns YAML nodes into postmortem values, with the type rules of the draft format; every problem names the
    /// source and the line. Shared by YAML drafts and by the front matter of Markdown files.
    /// </summary>
    /// <summary>
    /// An action item's status: key in a draft or the front matter, with the statusReason: and doneDate: that go
    /// with it. The keys may come in any order, so they are checked together once the item's keys are all read.
    /// </summary>
    internal sealed class ItemStatusEntry
    {
        private readonly YamlNode _item;
        private YamlNode? _statusNode, _reasonNode, _dateNode;

        public ItemStatusEntry(YamlNode item) => _item = item;

        public ActionItemStatus Status { get; private set; } = ActionItemStatus.Open;

        public string? Reason { get; private set; }

        public DateTime? DoneDate { get; private set; }

        public void Read(YamlValues v, YamlNode node)
        {
            _statusNode = node;
            var text = v.Text(node, "status");
            if (text is null)
            {
                Status = ActionItemStatus.Open;
                return;
            }
            if (!ActionItemStatusText.TryParseName(text, out var status))
            {
                throw v.Error(node, $"'status' is '{text}', which is not one of {string.Join(", ", Enum.GetNames(typeof(ActionItemStatus)))}");
            }
            Status = status;
        }

        public void ReadReason(YamlValues v, YamlNode node)
        {
            _reasonNode = node;
            Reason = Postmortems.Text.SingleLine(v.Text(node, "statusReason"));
        }

        public void ReadDoneDate(YamlValues v, YamlNode node)
        {
            _dateNode = node;
            DoneDate = v.Date(node, "doneDate");
        }

        /// <summary>Refuses a combination the item cannot hold, naming the line and the fix.</summary>
        public void Check(YamlValues v)
        {
            if (Status == ActionItemStatus.WontDo && Reason is null)
            {
                throw v.Error(_statusNode ?? _item, "the status is WontDo but the item has no 'statusReason:' saying why it won't be done; add one");
            }
            if (Status != ActionItemStatus.WontDo && Reason is not null)
            {
                throw v.Error(_reasonNode ?? _item, $"'statusReason' goes with 'status: WontDo' only, and this item is {Status}; remove it, or set the status to WontDo");
            }
            if (Status != ActionItemStatus.Done && DoneDate is not null)
            {
                throw v.Error(_dateNode ?? _item, $"'doneDate' goes with 'status: Done' only, and this item is {Status}; remove it, or set the status to Done");
            }
        }

        /// <summary>Checks the keys and sets them on the item; a Done item without a doneDate: stays without one.</summary>
        public void ApplyTo(YamlValues v, ActionItem item)
        {
            Check(v);
            item.SetStatus(Status, Reason, DoneDate, stampToday: false);
        }
    }

    internal sealed class YamlValues
    {

        public YamlValues(string source) => Source = source;

        public string Source { get; }

        public List<string> Warnings { get; } = new List<string>();

        public PostmortemFormatException Error(YamlNode node, string problem) => new PostmortemFormatException(Source, node.Line, problem);

        public void Warn(YamlNode node, string message) => Warnings.Add($"{Source}, line {node.Line}: {message}");

        public YamlMapping Mapping(YamlNode node, string what) =>
            node as YamlMapping ?? throw Error(node, $"{what} must be a set of 'key: value' lines");

        public string? Text(YamlNode node, string key)
        {
            // An empty value, quoted or not, is no value.
            if (node is YamlScalar scalar) return scalar.IsNull || scalar.Value.Trim().Length == 0 ? null : scalar.Value;
            throw Error(node, $"'{key}' must be text, not a list or a set of keys");
        }

        public string RequiredText(YamlNode node, string key) =>
            Text(node, key) is string text && text.Trim().Length > 0 ? text : throw Error(node, $"'{key}' must not be empty");

        public List<string> TextList(YamlNode node, string key)
        {
            var list = new List<string>();
            switch (node)
            {
                case YamlScalar scalar when scalar.IsNull:
                    return list;
                case YamlScalar scalar:
                    list.Add(scalar.Value);
                    return list;
                case YamlSequence sequence:
                    foreach (var item in sequence.Items)
                    {
                        var text = Text(item, key);
                        if (text is not null) list.Add(text);
                    }
                    return list;
                default:
                    throw Error(node, $"'{key}' must be a list of text, one '- item' a line");
            }
        }

        public T? Enum<T>(YamlNode node, string key) where T : struct
        {
            var text = Text(node, key);
            if (text is null) return null;
            var names = System.Enum.GetNames(typeof(T)).Where(n => n != "None").ToArray();
            var name = names.FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase))
                       ?? (typeof(T) == typeof(Milestone) && text.Trim().Equals("None", StringComparison.OrdinalIgnoreCase) ? "None" : null);
            if (name is null) throw Error(node, $"'{key}' is '{text}', which is not one of {string.Join(", ", names)}");
            return (T)System.Enum.Parse(typeof(T), name);
        }

        public DateTime? Date(YamlNode node, string key)
        {
            var text = Text(node, key);
            if (text is null) return null;
            if (DateTime.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            throw Error(node, $"'{key}' is '{text}', which is not a date; write it as YYYY-MM-DD, for example 2026-11-20");
        }

        public DateTime Time(YamlNode node, string key, DateTime? incidentDate) => Time(node, key, incidentDate, out _);

        /// <summary>A time, which may be marked approximate (~23:30).</summary>
        public DateTime Time(YamlNode node, string key, DateTime? incidentDate, out bool approximate)
        {
            var text = Text(node, key) ?? throw Error(node, $"'{key}' is missing; every timeline event needs its time");
            if (!TimelineTime.TryParse(text, incidentDate, null, out var utc, out var problem, out _, out approximate)) throw Error(node, problem!);
            return utc;
        }

        /// <summary>One of the impact's times; empty is none. Read as a timeline event's time, without the ~ of an approximate one.</summary>
        public DateTime? ImpactTime(YamlNode node, string key, DateTime? incidentDate)
        {
            var text = Text(node, key);
            if (text is null) return null;
            if (!TimelineTime.TryParse(text, incidentDate, null, out var utc, out var problem)) throw Error(node, $"'{key}' in 'impact': {problem}");
            return utc;
        }

        public string? TrackingUrl(YamlNode node, string key)
        {
            try
            {
                return TrackingLinks.CheckPattern(Text(node, key));
            }
            catch (ArgumentException e)
            {
                throw Error(node, e.Message);
            }
        }

        public bool? Bool(YamlNode node, string key)
        {
            var text = Text(node, key);
            if (text is null) return null;
            switch (text.Trim().ToLowerInvariant())
            {
                case "true": case "yes": case "y": case "on": return true;
                case "false": case "no": case "n": case "off": return false;
                default: throw Error(node, $"'{key}' is '{text}'; write true or false");
            }
        }

        public Guid? Id(YamlNode node, string key)
        {
            var text = Text(node, key);
            if (text is null) return null;
            if (Guid.TryParse(text.Trim(), out var id)) return id;
            throw Error(node, $"'{key}' is '{text}', which is not an id (a GUID such as 3f2a7c1e-9b4d-4e8a-a1c2-5d6e7f809a1b)");
        }

        public TimeSpan? Duration(YamlNode node, string key)
        {
            var text = Text(node, key);
            if (text is null) return null;
            if (!PostmortemMarkdown.TryParseDuration(text, out var duration)) throw Error(node, $"'{key}' is '{text}'; write it as HH:MM, for example 01:47 (hours may pass 24)");
            return duration;
        }

        public void ReadSignOffs(Postmortem p, YamlNode node)
        {
            if (node is YamlScalar empty && empty.IsNull) return;
            if (node is not YamlSequence sequence) throw Error(node, "'signOffs' must be a list, each item starting with '- reviewer:'");
            foreach (var item in sequence.Items)
            {
                var mapping = Mapping(item, "a sign-off");
                string? reviewer = null, comment = null, approved = null;
                DateTime? date = null;
                var acknowledged = new List<string>();
                ForEach(mapping, " in a sign-off", new Dictionary<string, Action<YamlNode>>(StringComparer.OrdinalIgnoreCase)
                {
                    ["reviewer"] = n => reviewer = RequiredText(n, "reviewer"),
                    ["date"] = n => date = Time(n, "date", null),
                    ["comment"] = n => comment = Text(n, "comment"),
                    ["acknowledged"] = n => acknowledged = TextList(n, "acknowledged"),
                    ["approved"] = n => approved = Text(n, "approved"),
                });
                if (reviewer is null) throw Error(item, "a sign-off has no 'reviewer:'");
                if (date is null) throw Error(item, "a sign-off has no 'date:'");
                p.SignOffs.Add(new SignOff(reviewer, date.Value, comment, acknowledged, approved?.Trim()));
            }
        }

        public void ReadUnlocks(Postmortem p, YamlNode node)
        {
            if (node is YamlScalar empty && empty.IsNull) return;
            if (node is not YamlSequence sequence) throw Error(node, "'unlocks' must be a list, each item starting with '- date:'");
            foreach (var item in sequence.Items)
            {
                var mapping = Mapping(item, "an unlock");
                DateTime? date = null;
                string? reason = null;
                ForEach(mapping, " in an unlock", new Dictionary<string, Action<YamlNode>>(StringComparer.OrdinalIgnoreCase)
                {
                    ["date"] = n => date = Time(n, "date", null),
                    ["reason"] = n => reason = RequiredText(n, "reason"),
                });
                if (date is null || reason is null) throw Error(item, "an unlock needs 'date:' and 'reason:'");
                p.Unlocks.Add(new Unlock(date.Value, reason));
            }
        }

        public void ReadPublication(Postmortem p, YamlNode node)
        {
            if (node is YamlScalar empty && empty.IsNull) return;
            var publication = new Publication();
            bool page = false;
            ForEach(Mapping(node, "'publication'"), " in 'publication'", new Dictionary<string, Action<YamlNode>>(StringComparer.OrdinalIgnoreCase)
            {
                ["server"] = n => publication.Server = Text(n, "server") ?? string.Empty,
                ["pageId"] = n =>
                {
                    publication.PageId = Number(n, "pageId") ?? 0;
                    page = publication.PageId > 0;
                },
                ["bookId"] = n => publication.BookId = Number(n, "bookId") ?? 0,
                ["chapterId"] = n => publication.ChapterId = Number(n, "chapterId"),
                ["updatedAt"] = n => publication.UpdatedAt = new DateTimeOffset(Time(n, "updatedAt", null), TimeSpan.Zero),
                ["updatedBy"] = n => publication.UpdatedById = Number(n, "updatedBy") ?? 0,
                ["updatedByName"] = n => publication.UpdatedByName = Text(n, "updatedByName"),
                ["digest"] = n => publication.Digest = Text(n, "digest") ?? string.Empty,
                ["pageDigest"] = n => publication.PageDigest = Text(n, "pageDigest") ?? string.Empty,
                ["tags"] = n => publication.Tags.AddRange(TextList(n, "tags")),
                ["base"] = n => publication.Base = Text(n, "base"),
            });
            if (!page) throw Error(node, "'publication' has no 'pageId:'; it records a published page. Remove the whole 'publication:' block to publish as new");
            p.Publication = publication;
        }

        /// <summary>
        /// The external version: its texts (in a draft; the front matter has none, the page shows them), its sign-offs
        /// and its publication record, each read as the postmortem's own are.
        /// </summary>
        public void ReadExternal(Postmortem p, YamlNode node, bool withText)
        {
            if (node is YamlScalar empty && empty.IsNull) return;
            var external = p.External;
            var handlers = new Dictionary<string, Action<YamlNode>>(StringComparer.OrdinalIgnoreCase)
            {
                ["signOffs"] = n =>
                {
                    var holder = new Postmortem("external");
                    ReadSignOffs(holder, n);
                    external.SignOffs.AddRange(holder.SignOffs);
                },
                ["publication"] = n =>
                {
                    var holder = new Postmortem("external");
                    ReadPublication(holder, n);
                    external.Publication = holder.Publication;
                },
            };
            if (withText)
            {
                handlers["title"] = n => external.Title = Text(n, "title");
                handlers["summary"] = n => external.Summary = Text(n, "summary");
                handlers["customerImpact"] = n => external.CustomerImpact = Text(n, "customerImpact");
                handlers["whatHappened"] = n => external.WhatHappened = Text(n, "whatHappened");
                handlers["whatWeAreDoing"] = n => external.WhatWeAreDoing = Text(n, "whatWeAreDoing");
            }
            ForEach(Mapping(node, "'external'"), " in 'external'", handlers);
        }

        public int? Number(YamlNode node, string key)
        {
            var text = Text(node, key);
            if (text is null) return null;
            if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return number;
            throw Error(node, $"'{key}' is '{text}', which is not a whole number");
        }

        /// <summary>Calls the handler for each known key (case-insensitive), warns about unknown ones and about repeats.</summary>
        public void ForEach(YamlMapping mapping, string where, IReadOnlyDictionary<string, Action<YamlNode>> handlers)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in mapping.Entries)
            {
                var key = entry.Key.Value;
                if (!seen.Add(key)) throw Error(entry.Key, $"the key '{key}' appears twice{where}");
                if (handlers.TryGetValue(key, out var handler)) handler(entry.Value);
                else Warn(entry.Key, $"unknown key '{key}'{where} was ignored; the keys are {string.Join(", ", handlers.Keys)}");
            }
        }
    }

    /// <summary>Reads a YAML draft into a postmortem.</summary>
    internal sealed class YamlDraftReader
    {
        private readonly YamlValues _values;

        public YamlDraftReader(string source) => _values = new YamlValues(source);

        public ReadResult Read(string text)
        {
            var root = YamlTree.Parse(text, _values.Source)
                       ?? throw new PostmortemFormatException(_values.Source, null, "the file is empty; a postmortem draft has at least a 'title:' line");
            var mapping = root as YamlMapping
                          ?? throw _values.Error(root, "this is not a postmortem draft: it should be a set of 'key: value' lines starting with 'title:'");
            var postmortem = ReadPostmortem(mapping);
            return new ReadResult(postmortem, _values.Warnings);
        }

        private Postmortem ReadPostmortem(YamlMapping mapping)
        {
            var v = _values;
            var titleEntry = mapping.Entries.FirstOrDefault(e => e.Key.Value.Equals("title", StringComparison.OrdinalIgnoreCase));
            if (titleEntry.Key is null) throw v.Error(mapping, "this is not a postmortem draft: it has no 'title:'");
            var idEntry = mapping.Entries.FirstOrDefault(e => e.Key.Value.Equals("id", StringComparison.OrdinalIgnoreCase));
            var id = idEntry.Key is null ? null : v.Id(idEntry.Value, "id");
            var p = new Postmortem(v.RequiredText(titleEntry.Value, "title"), id ?? Guid.NewGuid());

            // The date first: timeline times of day fall on it.
            var dateEntry = mapping.Entries.FirstOrDefault(e => e.Key.Value.Equals("date", StringComparison.OrdinalIgnoreCase));
            if (dateEntry.Key is not null) p.Date = v.Date(dateEntry.Value, "date");
            if (!TimelineTime.InWindow(p.Date, out var outside)) throw v.Error(dateEntry.Value, outside!);

            // The state last: a final postmortem refuses changes, so it is filled first and locked after.
            var state = DocumentState.Draft;
            v.ForEach(mapping, "", new Dictionary<string, Action<YamlNode>>(StringComparer.OrdinalIgnoreCase)
            {
                ["id"] = _ => { },
                ["title"] = _ => { },
                ["date"] = _ => { },
                ["duration"] = n => p.ExplicitDuration = v.Duration(n, "duration"),
                ["severity"] = n => p.Severity = v.Enum<Severity>(n, "severity"),
                ["status"] = n => p.Status = v.Enum<IncidentStatus>(n, "status"),
                ["context"] = n => p.Context = v.Enum<IncidentContext>(n, "context"),
                ["state"] = n => state = v.Enum<DocumentState>(n, "state") ?? DocumentState.Draft,
                ["signOffs"] = n => v.ReadSignOffs(p, n),
                ["unlocks"] = n => v.ReadUnlocks(p, n),
                ["authors"] = n => AddNames(p.Authors, v.TextList(n, "authors")),
                ["reviewers"] = n => AddNames(p.Reviewers, v.TextList(n, "reviewers")),
                ["executiveSummary"] = n => p.ExecutiveSummary = v.Text(n, "executiveSummary"),
                ["timeline"] = n => ReadTimeline(p, n),
                ["impact"] = n => ReadImpact(p.Impact, n, p.Date),
                ["rootCause"] = n => p.RootCause = v.Text(n, "rootCause"),
                ["whys"] = n => AddTexts(p.Whys, v.TextList(n, "whys")),
                ["whyChains"] = n => ReadWhyChains(p, n),
                ["contributingFactors"] = n => AddTexts(p.ContributingFactors, v.TextList(n, "contributingFactors")),
                ["wentWell"] = n => AddTexts(p.WentWell, v.TextList(n, "wentWell")),
                ["wentPoorly"] = n => AddTexts(p.WentPoorly, v.TextList(n, "wentPoorly")),
                ["trackingUrl"] = n => p.TrackingUrl = v.TrackingUrl(n, "trackingUrl"),
                ["actionItems"] = n => ReadActionItems(p, n),
                ["lessonsLearned"] = n => p.LessonsLearned = v.Text(n, "lessonsLearned"),
                ["sections"] = n => ReadSections(p, n),
                ["links"] = n => ReadLinks(p, n),
                ["external"] = n => v.ReadExternal(p, n, withText: true),
                ["publication"] = n => v.ReadPublication(p, n),
            });
            p.State = state;
            return p;
        }

        // links: - kind: Dashboard / title: ... / uri: https://...
        private void ReadLinks(Postmortem p, YamlNode node)
        {
            var v = _values;
            if (node is YamlScalar empty && empty.IsNull) return;
            if (node is not YamlSequence sequence) throw v.Error(node, "'links' must be a list of links, each starting with '- kind:' or '- title:'");
            foreach (var item in sequence.Items)
            {
                var mapping = v.Mapping(item, "a link");
                string? title = null, uri = null;
                var kind = LinkKind.Other;
                v.ForEach(mapping, " in a link", new Dictionary<string, Action<YamlNode>>(StringComparer.OrdinalIgnoreCase)
                {
                    ["kind"] = n => kind = v.Enum<LinkKind>(n, "kind") ?? LinkKind.Other,
                    ["title"] = n => title = v.Text(n, "title"),
                    ["uri"] = n => uri = v.Text(n, "uri"),
                });
                try
                {
                    p.Links.Add(new PostmortemLink(title ?? string.Empty, uri ?? string.Empty, kind));
                }
                catch (ArgumentException ex)
                {
                    throw v.Error(item, Text.Problem(ex).TrimEnd('.'));
                }
            }
        }

        // whyChains: - name: Backups failed / whys: [...]
        private void ReadWhyChains(Postmortem p, YamlNode node)
        {
            var v = _values;
            if (node is YamlScalar empty && empty.IsNull) return;
            if (node is not YamlSequence sequence) throw v.Error(node, "'whyChains' must be a list of why-chains, each starting with '- name:' and its 'whys:'");
            foreach (var item in sequence.Items)
            {
                var mapping = v.Mapping(item, "a why-chain");
                string? name = null;
                var whys = new List<string>();
                v.ForEach(mapping, " in a why-chain", new Dictionary<string, Action<YamlNode>>(StringComparer.OrdinalIgnoreCase)
                {
                    ["name"] = n => name = v.Text(n, "name"),
                    ["whys"] = n => AddTexts(whys, v.TextList(n, "whys")),
                });
                if (name is null) throw v.Error(item, "a why-chain has no 'name:' (the problem it asks about, such as 'Backups failed')");
                // A chain with no whys is no chain.
                if (whys.Count == 0) continue;
                try
                {
                    p.WhyChains.AddAsWritten(name, whys);
                }
                catch (ArgumentException ex)
                {
                    throw v.Error(item, Text.Problem(ex).TrimEnd('.'));
                }
            }
        }

        // sections: - name: Where We Got Lucky / after: WentPoorly / text: ...
        private void ReadSections(Postmortem p, YamlNode node)
        {
            var v = _values;
            if (node is YamlScalar empty && empty.IsNull) return;
            if (node is not YamlSequence sequence) throw v.Error(node, "'sections' must be a list of sections, each starting with '- name:'");
            foreach (var item in sequence.Items)
            {
                var mapping = v.Mapping(item, "a section");
                string? name = null, text = null;
                var after = Rules.PostmortemSection.LessonsLearned;
                v.ForEach(mapping, " in a section", new Dictionary<string, Action<YamlNode>>(StringComparer.OrdinalIgnoreCase)
                {
                    ["name"] = n => name = v.Text(n, "name"),
                    ["after"] = n => after = v.Enum<Rules.PostmortemSection>(n, "after") ?? Rules.PostmortemSection.LessonsLearned,
                    ["text"] = n => text = v.Text(n, "text"),
                });
                if (name is null) throw v.Error(item, "a section has no 'name:' (its heading)");
                if (text is null) continue;
                try
                {
                    p.Sections.AddAsWritten(new ExtraSection(name, after, text));
                }
                catch (ArgumentException ex)
                {
                    throw v.Error(item, Text.Problem(ex).TrimEnd('.'));
                }
            }
        }

        private void ReadTimeline(Postmortem p, YamlNode node)
        {
            var v = _values;
            if (node is YamlScalar empty && empty.IsNull) return;
            if (node is not YamlSequence sequence) throw v.Error(node, "'timeline' must be a list of events, each starting with '- time:'");
            var read = new List<(DateTime? Time, string Text, Milestone Milestone, string? Source, bool Approximate)>();
            foreach (var item in sequence.Items)
            {
                var mapping = v.Mapping(item, "a timeline event");
                YamlNode? time = null, text = null;
                Milestone milestone = Milestone.None;
                string? source = null;
                bool approximate = false;
                v.ForEach(mapping, " in a timeline event", new Dictionary<string, Action<YamlNode>>(StringComparer.OrdinalIgnoreCase)
                {
                    ["time"] = n => time = n,
                    ["event"] = n => text = n,
                    ["milestone"] = n => milestone = v.Enum<Milestone>(n, "milestone") ?? Milestone.None,
                    ["source"] = n => source = v.Text(n, "source"),
                    ["approximate"] = n => approximate = v.Bool(n, "approximate") ?? false,
                });
                if (time is null) throw v.Error(item, "a timeline event has no 'time:'; write 'time: unknown' for a step no source gives a time for");
                if (text is null) throw v.Error(item, "a timeline event has no 'event:' saying what happened");
                var eventText = v.RequiredText(text, "event");
                // 'time: unknown': a step without a time, in its place in the list.
                if (TimelineTime.IsUnknown(v.Text(time, "time")))
                {
                    if (milestone != Milestone.None)
                    {
                        throw v.Error(item, $"the event '{Text.SingleLine(eventText)}' has no known time, so it cannot mark the {milestone} milestone (the metrics are measured between milestones' times); give it a time, ~23:30 if only roughly known");
                    }
                    read.Add((null, eventText, milestone, source, false));
                    continue;
                }
                // A time written '~23:30' by hand is approximate too.
                var utc = v.Time(time, "time", p.Date, out bool marked);
                read.Add((utc, eventText, milestone, source, approximate || marked));
            }
            var places = TimelineTime.Places(read.Select(e => e.Time).ToList(), p.Date);
            for (int i = 0; i < read.Count; i++)
            {
                var e = read[i];
                p.Timeline.AddAsWritten(new TimelineEvent(places[i], e.Text, e.Milestone, e.Source, e.Approximate, !e.Time.HasValue));
            }
        }

        private void ReadImpact(Impact impact, YamlNode node, DateTime? date)
        {
            var v = _values;
            if (node is YamlScalar empty && empty.IsNull) return;
            var handlers = new Dictionary<string, Action<YamlNode>>(StringComparer.OrdinalIgnoreCase)
            {
                ["servicesAffected"] = n => AddNames(impact.ServicesAffected, v.TextList(n, "servicesAffected")),
                ["usersAffected"] = n => impact.UsersAffected = v.Text(n, "usersAffected"),
                ["dataLoss"] = n => impact.DataLoss = v.Bool(n, "dataLoss"),
                ["dataLossDescription"] = n => impact.DataLossDescription = v.Text(n, "dataLossDescription"),
                ["revenueImpact"] = n => impact.RevenueImpact = v.Text(n, "revenueImpact"),
            };
            // degradationStart: 2017-01-31T19:00:00Z, or a time of day on the postmortem's date, as a timeline event's time.
            foreach (var which in PostmortemYaml.ImpactTimes)
            {
                var key = PostmortemYaml.ImpactTimeKey(which);
                handlers[key] = n => impact.SetTime(which, v.ImpactTime(n, key, date));
            }
            v.ForEach(v.Mapping(node, "'impact'"), " in 'impact'", handlers);
        }

        private void ReadActionItems(Postmortem p, YamlNode node)
        {
            var v = _values;
            if (node is YamlScalar empty && empty.IsNull) return;
            if (node is not YamlSequence sequence) throw v.Error(node, "'actionItems' must be a list, each item starting with '- action:'");
            foreach (var entry in sequence.Items)
            {
                var mapping = v.Mapping(entry, "an action item");
                var actionEntry = mapping.Entries.FirstOrDefault(e => e.Key.Value.Equals("action", StringComparison.OrdinalIgnoreCase));
                if (actionEntry.Key is null) throw v.Error(entry, "an action item has no 'action:' saying what will change");
                var item = new ActionItem(v.RequiredText(actionEntry.Value, "action"));
                var status = new ItemStatusEntry(entry);
                v.ForEach(mapping, " in an action item", new Dictionary<string, Action<YamlNode>>(StringComparer.OrdinalIgnoreCase)
                {
                    ["action"] = _ => { },
                    ["owner"] = n => item.Owner = v.Text(n, "owner"),
                    ["dueDate"] = n => item.DueDate = v.Date(n, "dueDate"),
                    ["priority"] = n => item.Priority = v.Enum<ActionPriority>(n, "priority"),
                    ["status"] = n => status.Read(v, n),
                    ["statusReason"] = n => status.ReadReason(v, n),
                    ["doneDate"] = n => status.ReadDoneDate(v, n),
                    ["tracking"] = n => item.Tracking = v.Text(n, "tracking"),
                });
                status.ApplyTo(v, item);
                p.ActionItems.Add(item);
            }
        }

        private static void AddNames(ICollection<string> target, IEnumerable<string> names)
        {
            foreach (var name in names)
            {
                var single = Postmortems.Text.SingleLine(name);
                if (single is not null) target.Add(single);
            }
        }

        private static void AddTexts(ICollection<string> target, IEnumerable<string> texts)
        {
            foreach (var text in texts)
            {
                var normalized = Postmortems.Text.Normalize(text);
                if (normalized is not null) target.Add(normalized);
            }
        }
    }
}
