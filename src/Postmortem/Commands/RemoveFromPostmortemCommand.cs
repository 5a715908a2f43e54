using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace Postmortems.Commands
{
    /// <summary>
    /// The shape of the Remove-* cmdlets: entries of one of a postmortem's lists come out by index (as Test-Postmortem's
    /// targets name them, Timeline[5], ActionItems[2]) with the postmortem from the pipeline, or piped in themselves
    /// with -Postmortem. Piped entries are removed when the pipeline ends, since the list may be what is being
    /// enumerated upstream. Every removal asks ShouldProcess; a final postmortem is locked.
    /// </summary>
    public abstract class RemoveFromPostmortemCommand<T> : PostmortemEntriesCommand<T> where T : class
    {
        // Entries given on the command line while the postmortem comes down the pipeline ($pm | Remove-Why 'text'):
        // removed from each postmortem as it comes, which is then passed on, as by index.
        private bool _postmortemPiped;

        protected abstract bool Contains(Postmortem postmortem, T entry);

        /// <summary>Removes an entry given as itself (piped in): every entry that matches it.</summary>
        protected abstract void Remove(Postmortem postmortem, T entry);

        /// <summary>Removes the entry at a position.</summary>
        protected abstract void RemoveAt(Postmortem postmortem, int index);

        protected override void BeginProcessing()
        {
            _postmortemPiped = ParameterSetName == ByEntrySet && !MyInvocation.BoundParameters.ContainsKey(nameof(Postmortem));
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByEntrySet)
            {
                if (!_postmortemPiped)
                {
                    Piped.AddRange(PipedEntries.Where(e => e is not null));
                    return;
                }
                if (Postmortem.IsLocked) WriteError(ProtectPostmortemCommand.LockedRecord(Postmortem, "changed"));
                else RemoveEntries(PipedEntries.Where(e => e is not null));
                WriteObject(Postmortem);
                return;
            }
            if (Postmortem.IsLocked)
            {
                WriteError(ProtectPostmortemCommand.LockedRecord(Postmortem, "changed"));
                WriteObject(Postmortem);
                return;
            }
            var entries = EntriesOf(Postmortem);
            var chosen = new List<int>();
            foreach (var index in Index.Distinct())
            {
                if (index < 0 || index >= entries.Count)
                {
                    var range = entries.Count == 0 ? $"{ListName} is empty" : $"{ListName} holds {ListName}[0] to {ListName}[{entries.Count - 1}]";
                    WriteError(new ErrorRecord(
                        new ArgumentOutOfRangeException(null, $"There is no {ListName}[{index}] in '{Postmortem.Title}': {range}. $pm.{ListName} lists them in order."),
                        NotFoundErrorId, ErrorCategory.ObjectNotFound, index));
                    continue;
                }
                chosen.Add(index);
            }
            // By position, last first, so each index still names the entry it named when given: two entries with the
            // same text stay two entries.
            foreach (var index in chosen.OrderByDescending(i => i))
            {
                if (ShouldProcess(Describe(entries[index]), $"Remove {EntryNoun}")) RemoveAt(Postmortem, index);
            }
            WriteObject(Postmortem);
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName != ByEntrySet || _postmortemPiped) return;
            if (Postmortem.IsLocked)
            {
                if (Piped.Count > 0) WriteError(ProtectPostmortemCommand.LockedRecord(Postmortem, "changed"));
            }
            else
            {
                RemoveEntries(Piped);
            }
            if (PassThru) WriteObject(Postmortem);
        }

        private void RemoveEntries(IEnumerable<T> entries)
        {
            var found = new List<T>();
            foreach (var entry in entries.Distinct())
            {
                if (Contains(Postmortem, entry)) found.Add(entry);
                else WriteError(new ErrorRecord(
                    new ItemNotFoundException($"The {EntryNoun} '{entry}' is not in {ListName} of '{Postmortem.Title}', so there is nothing to remove. {NotFoundHint(Postmortem, entry)}"),
                    NotFoundErrorId, ErrorCategory.ObjectNotFound, entry));
            }
            foreach (var entry in found)
            {
                if (ShouldProcess(Describe(entry), $"Remove {EntryNoun}")) Remove(Postmortem, entry);
            }
        }

        /// <summary>What to try when an entry given is not in the list.</summary>
        protected virtual string NotFoundHint(Postmortem postmortem, T entry) => $"Pipe them from $pm.{ListName}.";

        protected abstract string NotFoundErrorId { get; }

        private string Describe(T entry) => $"{entry} in '{Postmortem.Title}'";
    }

    /// <summary>Takes events out of a postmortem's timeline, by index or piped from $pm.Timeline.</summary>
    [Cmdlet(VerbsCommon.Remove, "TimelineEvent", DefaultParameterSetName = ByIndexSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Postmortem))]
    public sealed class RemoveTimelineEventCommand : RemoveFromPostmortemCommand<TimelineEvent>
    {
        /// <summary>Events to remove, compared by time, text, milestone and source.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByEntrySet)]
        public TimelineEvent[] InputEvent { get; set; } = null!;

        protected override string ListName => "Timeline";
        protected override string EntryNoun => "timeline event";
        protected override string NotFoundErrorId => ErrorIds.TimelineEventNotFound;
        protected override IEnumerable<TimelineEvent> PipedEntries => InputEvent;
        protected override IReadOnlyList<TimelineEvent> EntriesOf(Postmortem postmortem) => postmortem.Timeline;
        protected override bool Contains(Postmortem postmortem, TimelineEvent entry) => postmortem.Timeline.Contains(entry);
        protected override void Remove(Postmortem postmortem, TimelineEvent entry) => postmortem.Timeline.Remove(entry);
        // The timeline holds each event once, so the event at a position is removed by itself.
        protected override void RemoveAt(Postmortem postmortem, int index) => postmortem.Timeline.Remove(postmortem.Timeline[index]);
    }

    /// <summary>Takes action items out of a postmortem, by index or piped from $pm.ActionItems.</summary>
    [Cmdlet(VerbsCommon.Remove, "ActionItem", DefaultParameterSetName = ByIndexSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Postmortem))]
    public sealed class RemoveActionItemCommand : RemoveFromPostmortemCommand<ActionItem>
    {
        /// <summary>Action items to remove: the very objects in $pm.ActionItems.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByEntrySet)]
        public ActionItem[] InputItem { get; set; } = null!;

        protected override string ListName => "ActionItems";
        protected override string EntryNoun => "action item";
        protected override string NotFoundErrorId => ErrorIds.ActionItemNotFound;
        protected override IEnumerable<ActionItem> PipedEntries => InputItem;
        protected override IReadOnlyList<ActionItem> EntriesOf(Postmortem postmortem) => postmortem.ActionItems;
        protected override bool Contains(Postmortem postmortem, ActionItem entry) => postmortem.ActionItems.Any(a => ReferenceEquals(a, entry));
        protected override void Remove(Postmortem postmortem, ActionItem entry) => postmortem.ActionItems.RemoveAll(a => ReferenceEquals(a, entry));
        protected override void RemoveAt(Postmortem postmortem, int index) => postmortem.ActionItems.RemoveAt(index);
    }

    /// <summary>
    /// Removes texts from one of a postmortem's lists of text (the whys, the contributing factors): by index, or by the
    /// text itself, which comes down the pipeline with -Postmortem, or is given (-Text or first) with the postmortem
    /// piped in, as the index is.
    /// </summary>
    public abstract class RemoveTextCommand : RemoveFromPostmortemCommand<string>
    {
        /// <summary>The postmortem whose list it is: from the pipeline with -Index or -Text, by name with texts piped in.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByIndexSet)]
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByEntrySet)]
        [Alias("InputObject")]
        public override Postmortem Postmortem { get => base.Postmortem; set => base.Postmortem = value; }

        /// <summary>The texts to remove, exactly as they stand in the list.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, Position = 0, ParameterSetName = ByEntrySet)]
        public string[] Text { get; set; } = null!;

        protected override void BeginProcessing()
        {
            // With nothing but the postmortem given, PowerShell binds the piped postmortem as a text too.
            if (ParameterSetName == ByEntrySet && !MyInvocation.BoundParameters.ContainsKey(nameof(Text)) && !MyInvocation.BoundParameters.ContainsKey(nameof(Postmortem)))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException($"{MyInvocation.MyCommand.Name} needs what to remove: its index ($pm | {MyInvocation.MyCommand.Name} 2) or its text ($pm | {MyInvocation.MyCommand.Name} 'the text'). $pm.{ListName} lists them in order."),
                    ErrorIds.EntryNotGiven, ErrorCategory.InvalidArgument, null));
            }
            base.BeginProcessing();
        }

        // A text that is not there is most often one typed from memory: show the closest that is.
        protected override string NotFoundHint(Postmortem postmortem, string entry)
        {
            var list = EntriesOf(postmortem).ToList();
            if (list.Count == 0) return $"{ListName} is empty.";
            var typed = entry.Trim().TrimEnd('.', '\u2026', ' ');
            var closest = typed.Length < 3 ? null : list.FirstOrDefault(t => t.IndexOf(typed, StringComparison.OrdinalIgnoreCase) >= 0);
            return closest is null
                ? $"Give the text exactly as it stands in $pm.{ListName}, or its index ({MyInvocation.MyCommand.Name} 0 for the first)."
                : $"Did you mean '{closest}' ({ListName}[{list.IndexOf(closest)}])? Give the text exactly as it stands, or its index.";
        }

        protected abstract PostmortemList<string> ListOf(Postmortem postmortem);

        protected override string NotFoundErrorId => ErrorIds.EntryNotFound;

        protected override IEnumerable<string> PipedEntries => Text;
        protected override IReadOnlyList<string> EntriesOf(Postmortem postmortem) => ListOf(postmortem);
        protected override bool Contains(Postmortem postmortem, string entry) => ListOf(postmortem).Contains(entry, StringComparer.Ordinal);
        protected override void Remove(Postmortem postmortem, string entry) => ListOf(postmortem).RemoveAll(t => string.Equals(t, entry, StringComparison.Ordinal));
        protected override void RemoveAt(Postmortem postmortem, int index) => ListOf(postmortem).RemoveAt(index);
    }

    /// <summary>Takes steps out of the 5-whys chain, or out of a named chain with -Chain, by index or by their text.</summary>
    [Cmdlet(VerbsCommon.Remove, "Why", DefaultParameterSetName = ByIndexSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Postmortem))]
    public sealed class RemoveWhyCommand : RemoveTextCommand
    {
        /// <summary>The named chain to remove from; without it, the root cause's own. The chain goes with its last why.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.WhyChainCompleter))]
        public string? Chain { get; set; }

        private WhyChain? ChainOf(Postmortem postmortem) => Chain is null ? null : postmortem.WhyChains[Chain];

        protected override string ListName =>
            Chain is null ? "Whys" : WhyChains.PlaceOf(Postmortem is not null && ChainOf(Postmortem) is WhyChain chain ? chain.Name : Chain) + ".Whys";

        protected override string EntryNoun => "why";
        protected override PostmortemList<string> ListOf(Postmortem postmortem) => postmortem.Whys;

        protected override IReadOnlyList<string> EntriesOf(Postmortem postmortem) =>
            Chain is null ? postmortem.Whys : ChainOf(postmortem)?.Whys ?? (IReadOnlyList<string>)Array.Empty<string>();

        protected override bool Contains(Postmortem postmortem, string entry) => EntriesOf(postmortem).Contains(entry, StringComparer.Ordinal);

        protected override void Remove(Postmortem postmortem, string entry)
        {
            if (Chain is null) base.Remove(postmortem, entry);
            else postmortem.WhyChains.Remove(Chain, entry);
        }

        protected override void RemoveAt(Postmortem postmortem, int index)
        {
            if (Chain is null) base.RemoveAt(postmortem, index);
            else postmortem.WhyChains.RemoveAt(Chain, index);
        }

        protected override void ProcessRecord()
        {
            // A chain the postmortem does not have: say so, and which it has, rather than that an empty list has no such entry.
            if (Chain is not null && Postmortem is not null && !Postmortem.IsLocked && ChainOf(Postmortem) is null && (ParameterSetName == ByIndexSet || !MyInvocation.BoundParameters.ContainsKey(nameof(Postmortem))))
            {
                WriteError(NoSuchChain(Postmortem));
                WriteObject(Postmortem);
                return;
            }
            base.ProcessRecord();
        }

        protected override string NotFoundHint(Postmortem postmortem, string entry) =>
            Chain is not null && ChainOf(postmortem) is null ? ChainsOf(postmortem) : base.NotFoundHint(postmortem, entry);

        private ErrorRecord NoSuchChain(Postmortem postmortem) =>
            new ErrorRecord(new ItemNotFoundException($"'{postmortem.Title}' has no why-chain '{Chain}', so there is nothing to remove. {ChainsOf(postmortem)}"),
                ErrorIds.EntryNotFound, ErrorCategory.ObjectNotFound, Chain);

        private static string ChainsOf(Postmortem postmortem) =>
            postmortem.WhyChains.Count == 0
                ? "It has no named chains; leave -Chain out for the root cause's own whys."
                : $"Its chains are {string.Join(", ", postmortem.WhyChains.Select(c => "'" + c.Name + "'"))} ($pm.WhyChains).";
    }

    /// <summary>Takes contributing factors out, by index or by their text.</summary>
    [Cmdlet(VerbsCommon.Remove, "ContributingFactor", DefaultParameterSetName = ByIndexSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Postmortem))]
    public sealed class RemoveContributingFactorCommand : RemoveTextCommand
    {
        protected override string ListName => "ContributingFactors";
        protected override string EntryNoun => "contributing factor";
        protected override PostmortemList<string> ListOf(Postmortem postmortem) => postmortem.ContributingFactors;
    }

    /// <summary>Takes observations out of What Went Well or What Went Poorly, by index or by their text.</summary>
    [Cmdlet(VerbsCommon.Remove, "Observation", DefaultParameterSetName = ByIndexSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Postmortem))]
    public sealed class RemoveObservationCommand : RemoveTextCommand
    {
        /// <summary>Which list: WentWell or WentPoorly.</summary>
        [Parameter(Mandatory = true)]
        [ValidateSet("WentWell", "WentPoorly", IgnoreCase = true)]
        public string Section { get; set; } = null!;

        private bool Well => string.Equals(Section, "WentWell", StringComparison.OrdinalIgnoreCase);

        protected override string ListName => Well ? "WentWell" : "WentPoorly";
        protected override string EntryNoun => Well ? "what went well" : "what went poorly";
        protected override PostmortemList<string> ListOf(Postmortem postmortem) => Well ? postmortem.WentWell : postmortem.WentPoorly;
    }
}
