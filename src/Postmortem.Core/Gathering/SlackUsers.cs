using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Postmortems.Gathering
{
    /// <summary>
    /// The names of a Slack export's users: its users.json lies at the export's root, beside the channel folders that hold
    /// a file a day (export/users.json, export/incident/2026-11-20.json).
    /// </summary>
    public static class SlackUsers
    {
        /// <summary>The users.json of the export a channel's file belongs to (in its folder's parent, or beside it), or null.</summary>
        public static string? FindFor(string file)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (folder is null) return null;
            foreach (var candidate in new[] { Directory.GetParent(folder)?.FullName, folder })
            {
                if (candidate is null) continue;
                var users = Path.Combine(candidate, "users.json");
                if (File.Exists(users) && !string.Equals(Path.GetFullPath(users), Path.GetFullPath(file), StringComparison.Ordinal)) return users;
            }
            return null;
        }

        /// <summary>Each user's id with the name people see: the display name, else the real name, else the user name. Read an item at a time.</summary>
        public static Dictionary<string, string> Read(Stream stream, string source)
        {
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            try
            {
                Add(stream, source, names);
            }
            catch (JsonException ex)
            {
                throw new TimelineSourceException($"{source}: this is not a Slack export's users.json: {ex.Message}", ex);
            }
            return names;
        }

        private static void Add(Stream stream, string source, Dictionary<string, string> names)
        {
            foreach (var (element, _, tooLong) in JsonElementStream.Read(stream, source, null, TimelineGatherer.MaxRecordBytes))
            {
                if (tooLong || element.ValueKind != JsonValueKind.Object) continue;
                var user = new JsonRecord(element);
                var id = user.Text("id");
                var name = NonEmpty(user.Text("profile", "display_name")) ?? NonEmpty(user.Text("profile", "real_name")) ?? NonEmpty(user.Text("real_name")) ?? NonEmpty(user.Text("name"));
                if (id is not null && name is not null) names[id] = name;
            }
        }

        /// <summary>A -User map's key as an id: U05TOMAS, @U05TOMAS and &lt;@U05TOMAS&gt; are the same.</summary>
        public static string Id(string key) => key.Trim().TrimStart('<').TrimEnd('>').TrimStart('@');

        private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
    }
}
