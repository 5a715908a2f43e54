using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Text.RegularExpressions;

namespace Postmortems
{
    /// <summary>
    /// A named 5-whys chain, for an incident with more than one problem to ask why about (GitLab's 2017 database outage:
    /// why the data was deleted, and why every backup failed). It renders after the root cause's own chain, under
    /// "### 5 Whys: &lt;name&gt;". It changes through <see cref="WhyChains"/>, which keeps the postmortem's lock.
    /// </summary>
    public sealed class WhyChain
    {
        private readonly List<string> _whys = new List<string>();

        internal WhyChain(string name)
        {
            Name = name;
            Whys = new ReadOnlyCollection<string>(_whys);
        }

        /// <summary>The problem the chain asks about, as its heading shows it: 'Backups failed'.</summary>
        public string Name { get; }

        /// <summary>The chain, first why first.</summary>
        public IReadOnlyList<string> Whys { get; }

        /// <summary>Where the chain stands in findings and merge conflicts: WhyChains['Backups failed'].</summary>
        internal string Place => WhyChains.PlaceOf(Name);

        internal List<string> Items => _whys;

        public override string ToString() => Name;
    }

    /// <summary>
    /// A postmortem's named why-chains, in the order they were added, each name once (case-insensitive). A chain is
    /// there while it has whys: adding the first why to a name creates it, removing its last removes it. The root
    /// cause's own chain is <see cref="Postmortem.Whys"/>; a postmortem without named chains renders as it always did.
    /// </summary>
    public sealed class WhyChains : IReadOnlyList<WhyChain>
    {
        private readonly List<WhyChain> _chains = new List<WhyChain>();
        private readonly Postmortem _owner;

        internal WhyChains(Postmortem owner) => _owner = owner;

        // "5 Whys: Backups failed", and the other names the reader takes for the 5 Whys heading (Five Whys, Whys).
        private static readonly Regex Heading = new Regex(@"^\s*(?:(?:5|five)\s*)?whys\s*:(?<name>.*)$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);

        /// <summary>The heading a named chain renders under, before its name is escaped for Markdown.</summary>
        public const string HeadingPrefix = "5 Whys: ";

        /// <summary>The chain's name in a heading such as "5 Whys: Backups failed"; null when the heading names no chain.</summary>
        internal static string? NameInHeading(string heading)
        {
            var match = Heading.Match(heading);
            return match.Success ? Text.SingleLine(match.Groups["name"].Value) : null;
        }

        internal static string PlaceOf(string name) => "WhyChains['" + name + "']";

        internal static string CheckName(string? name)
        {
            var single = Text.SingleLine(name)
                         ?? throw new ArgumentException("A why-chain needs a name that says which problem it asks about, such as 'Backups failed'; leave -Chain out for the root cause's own 5 whys.", nameof(name));
            if (single.Length > 100) throw new ArgumentException($"The why-chain name '{single.Substring(0, 40)}…' is {single.Length} characters; it is a heading, so give a name of at most 100 characters (the detail goes in the text).", nameof(name));
            return single;
        }

        public int Count => _chains.Count;

        public WhyChain this[int index] => _chains[index];

        /// <summary>The chain of that name (case-insensitive), or null.</summary>
        public WhyChain? this[string name] => name is null ? null : _chains.FirstOrDefault(c => Same(c.Name, Text.SingleLine(name)));

        /// <summary>The chains' names, in order.</summary>
        public IReadOnlyList<string> Names => _chains.Select(c => c.Name).ToList();

        /// <summary>Appends a why to the chain of that name, creating the chain (after the others) if there is none.</summary>
        public void Add(string chain, string why) => AddRange(chain, new[] { why });

        /// <summary>
        /// Appends whys, in order, to the chain of that name, creating the chain (after the others) if there is none. Each
        /// text is normalised as all text is (<see cref="Text.Normalize"/>); a blank one is refused, and then none is added.
        /// </summary>
        public void AddRange(string chain, IEnumerable<string> whys)
        {
            if (whys is null) throw new ArgumentNullException(nameof(whys));
            _owner.EnsureUnlocked("its why-chains");
            var name = CheckName(chain);
            var texts = whys.Select(w => Text.Normalize(w) ?? throw new ArgumentException($"A why of the chain '{name}' has no text; give the question and its answer.", nameof(whys))).ToList();
            if (texts.Count == 0) return;
            var target = this[name];
            if (target is null)
            {
                target = new WhyChain(name);
                _chains.Add(target);
            }
            target.Items.AddRange(texts);
        }

        /// <summary>Removes the why at a position of a chain; the chain goes with its last why.</summary>
        public void RemoveAt(string chain, int index)
        {
            _owner.EnsureUnlocked("its why-chains");
            var target = Find(chain);
            if (index < 0 || index >= target.Items.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), $"The why-chain '{target.Name}' holds whys 0 to {target.Items.Count - 1}; there is no why {index}.");
            }
            target.Items.RemoveAt(index);
            if (target.Items.Count == 0) _chains.Remove(target);
        }

        /// <summary>Removes every why of a chain that is exactly this text; returns how many. The chain goes with its last why.</summary>
        public int Remove(string chain, string why)
        {
            _owner.EnsureUnlocked("its why-chains");
            var target = Find(chain);
            int removed = target.Items.RemoveAll(w => string.Equals(w, why, StringComparison.Ordinal));
            if (target.Items.Count == 0) _chains.Remove(target);
            return removed;
        }

        /// <summary>Replaces the why at a position of a chain with another text, normalised.</summary>
        public void Replace(string chain, int index, string why)
        {
            _owner.EnsureUnlocked("its why-chains");
            var target = Find(chain);
            if (index < 0 || index >= target.Items.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), $"The why-chain '{target.Name}' holds whys 0 to {target.Items.Count - 1}; there is no why {index}.");
            }
            target.Items[index] = Text.Normalize(why) ?? throw new ArgumentException($"A why of the chain '{target.Name}' needs text; remove it with Remove-Why -Chain to leave it out.", nameof(why));
        }

        /// <summary>
        /// Gives a chain another name, in its place; a name another chain has already gets a number after it ('Backups
        /// failed 2'), so no chain is lost. Protect-Postmortem renames a chain whose name holds a secret.
        /// </summary>
        internal void Rename(string chain, string newName)
        {
            _owner.EnsureUnlocked("its why-chains");
            var target = Find(chain);
            var name = CheckName(newName);
            var stem = name.Length > 90 ? name.Substring(0, 90).TrimEnd() : name;
            for (int n = 2; _chains.Any(c => c != target && Same(c.Name, name)); n++) name = CheckName(stem + " " + n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var renamed = new WhyChain(name);
            renamed.Items.AddRange(target.Items);
            _chains[_chains.IndexOf(target)] = renamed;
        }

        /// <summary>Removes every named chain (not the root cause's own whys).</summary>
        public void Clear()
        {
            if (_chains.Count > 0) _owner.EnsureUnlocked("its why-chains");
            _chains.Clear();
        }

        /// <summary>Adds a chain as a file holds it; a second chain of the same name is refused, as the file is ambiguous.</summary>
        internal void AddAsWritten(string name, IEnumerable<string> whys)
        {
            var checkedName = CheckName(name);
            if (this[checkedName] is WhyChain existing) throw new ArgumentException($"The why-chain '{existing.Name}' is there twice; keep one, or give the second another name.");
            AddRange(checkedName, whys);
        }

        private WhyChain Find(string chain) =>
            this[chain] ?? throw new ArgumentException($"'{_owner.Title}' has no why-chain '{chain}'" + (_chains.Count == 0 ? "; it has none but the root cause's own." : $"; its chains are {string.Join(", ", _chains.Select(c => "'" + c.Name + "'"))}."), nameof(chain));

        private static bool Same(string a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

        public IEnumerator<WhyChain> GetEnumerator() => _chains.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
