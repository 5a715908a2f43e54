using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Postmortems
{
    /// <summary>
    /// A list of a postmortem's section (whys, factors, authors, action items, ...) that keeps the postmortem's lock:
    /// while the postmortem is final, adding, removing or replacing an entry is refused with an error that names
    /// Unlock-Postmortem, whoever tries, a cmdlet or a script.
    /// </summary>
    public sealed class PostmortemList<T> : Collection<T>
    {
        private readonly Postmortem _owner;
        private readonly string _section;
        private readonly Action<T>? _adopt;

        internal PostmortemList(Postmortem owner, string section, Action<T>? adopt = null)
        {
            _owner = owner;
            _section = section;
            _adopt = adopt;
        }

        public void AddRange(IEnumerable<T> items)
        {
            if (items is null) throw new ArgumentNullException(nameof(items));
            foreach (var item in items) Add(item);
        }

        /// <summary>Removes every entry that matches; returns how many.</summary>
        public int RemoveAll(Predicate<T> match)
        {
            if (match is null) throw new ArgumentNullException(nameof(match));
            int removed = 0;
            for (int i = Count - 1; i >= 0; i--)
            {
                if (!match(this[i])) continue;
                RemoveAt(i);
                removed++;
            }
            return removed;
        }

        protected override void InsertItem(int index, T item)
        {
            _owner.EnsureUnlocked(_section);
            item = Whole(item);
            _adopt?.Invoke(item);
            base.InsertItem(index, item);
        }

        protected override void SetItem(int index, T item)
        {
            _owner.EnsureUnlocked(_section);
            item = Whole(item);
            _adopt?.Invoke(item);
            base.SetItem(index, item);
        }

        // A name or text added directly, not through the cmdlets, keeps no half of a character either (see Text).
        private static T Whole(T item) => item is string text ? (T)(object)Text.WholeCharacters(text) : item;

        protected override void RemoveItem(int index)
        {
            _owner.EnsureUnlocked(_section);
            base.RemoveItem(index);
        }

        protected override void ClearItems()
        {
            if (Count > 0) _owner.EnsureUnlocked(_section);
            base.ClearItems();
        }
    }
}
