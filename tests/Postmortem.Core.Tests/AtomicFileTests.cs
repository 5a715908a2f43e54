using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Postmortems.IO;
using Xunit;

namespace Postmortems.Tests
{
    public sealed class AtomicFileTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "postmortem-tests-" + Guid.NewGuid().ToString("N"));

        public AtomicFileTests() => Directory.CreateDirectory(_folder);

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public void Writes_UTF8_without_a_byte_order_mark_and_leaves_no_temporary_file()
        {
            var path = Path.Combine(_folder, "pm.md");
            AtomicFile.WriteAllText(path, "Störung 障害", overwrite: false);

            var bytes = File.ReadAllBytes(path);
            Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF);
            Assert.Equal("Störung 障害", Encoding.UTF8.GetString(bytes));
            Assert.Single(Directory.GetFiles(_folder));
        }

        [Fact]
        public void An_existing_file_is_kept_unless_overwrite_is_asked_for()
        {
            var path = Path.Combine(_folder, "pm.md");
            File.WriteAllText(path, "old");

            Assert.Throws<FileAlreadyExistsException>(() => AtomicFile.WriteAllText(path, "new", overwrite: false));
            Assert.Equal("old", File.ReadAllText(path));

            AtomicFile.WriteAllText(path, "new", overwrite: true);
            Assert.Equal("new", File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(_folder));
        }

        [Fact]
        public void Of_many_writers_racing_to_one_new_path_without_overwrite_exactly_one_wins()
        {
            // The check for absence and the write are one step: each writer's content is whole in its own temporary
            // file, and only one of them can take the name. The others are told the file exists, and write nothing.
            const int writers = 16;
            for (int trial = 0; trial < 10; trial++)
            {
                var path = Path.Combine(_folder, $"race-{trial}.yaml");
                var contents = Enumerable.Range(0, writers).Select(w => $"writer {w}\n" + new string((char)('a' + w), 20000)).ToArray();
                using var start = new Barrier(writers);
                var outcomes = new Exception?[writers];
                var threads = Enumerable.Range(0, writers).Select(w => new Thread(() =>
                {
                    start.SignalAndWait();
                    try { AtomicFile.WriteAllText(path, contents[w], overwrite: false); }
                    catch (Exception ex) { outcomes[w] = ex; }
                })).ToList();
                threads.ForEach(t => t.Start());
                threads.ForEach(t => t.Join());

                var winners = Enumerable.Range(0, writers).Where(w => outcomes[w] is null).ToList();
                Assert.Single(winners);
                Assert.All(outcomes.Where(o => o is not null), o => Assert.IsType<FileAlreadyExistsException>(o));
                Assert.Equal(contents[winners[0]], File.ReadAllText(path));
            }
            Assert.Equal(10, Directory.GetFiles(_folder).Length);
        }

        [Fact]
        public void Overwrite_writes_a_file_that_does_not_exist_yet()
        {
            var path = Path.Combine(_folder, "new.md");
            AtomicFile.WriteAllText(path, "new", overwrite: true);
            Assert.Equal("new", File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(_folder));
        }

        [Fact]
        public void Overwriting_keeps_the_files_permissions()
        {
            if (OperatingSystem.IsWindows()) return;   // Windows' replace keeps the file's attributes and ACL itself
            var path = Path.Combine(_folder, "draft.yaml");
            File.WriteAllText(path, "old");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

            AtomicFile.WriteAllText(path, "new", overwrite: true);

            Assert.Equal("new", File.ReadAllText(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        [Fact]
        public void Overwriting_through_a_symbolic_link_writes_the_file_it_points_to_and_keeps_the_link()
        {
            var drafts = Directory.CreateDirectory(Path.Combine(_folder, "drafts")).FullName;
            var target = Path.Combine(drafts, "real.md");
            File.WriteAllText(target, "old");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
            var link = Path.Combine(_folder, "link.md");
            try
            {
                File.CreateSymbolicLink(link, Path.Combine("drafts", "real.md"));   // relative, as `ln -s` makes them
            }
            catch (IOException) when (OperatingSystem.IsWindows())
            {
                return;   // creating links needs developer mode or elevation there
            }

            AtomicFile.WriteAllText(link, "new", overwrite: true);

            Assert.Equal(Path.Combine("drafts", "real.md"), new FileInfo(link).LinkTarget);
            Assert.Equal("new", File.ReadAllText(target));
            if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(target));
            Assert.Equal(new[] { target }, Directory.GetFiles(drafts));
            Assert.Equal(new[] { link }, Directory.GetFiles(_folder));
        }

        [Fact]
        public void Without_overwrite_a_symbolic_link_holds_the_name_even_when_what_it_points_to_is_gone()
        {
            var link = Path.Combine(_folder, "dangling.md");
            try
            {
                File.CreateSymbolicLink(link, "nowhere.md");
            }
            catch (IOException) when (OperatingSystem.IsWindows())
            {
                return;
            }
            Assert.Throws<FileAlreadyExistsException>(() => AtomicFile.WriteAllText(link, "new", overwrite: false));
            Assert.Equal("nowhere.md", new FileInfo(link).LinkTarget);
            Assert.False(File.Exists(Path.Combine(_folder, "nowhere.md")));
        }

        [Fact]
        public void A_write_that_fails_after_the_temporary_file_was_made_leaves_none_behind()
        {
            var path = Path.Combine(_folder, "pm.md");
            Directory.CreateDirectory(path);   // a folder where the file should go: the replace fails

            Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllText(path, "new", overwrite: false));
            Assert.ThrowsAny<Exception>(() => AtomicFile.WriteAllText(path, "new", overwrite: true));

            Assert.Empty(Directory.GetFiles(_folder));
            Assert.True(Directory.Exists(path));
        }

        [Fact]
        public void Leftover_temporary_files_of_the_same_target_older_than_an_hour_are_removed_others_stay()
        {
            var path = Path.Combine(_folder, "pm.md");
            string Make(string name, double hoursOld)
            {
                var file = Path.Combine(_folder, name);
                File.WriteAllText(file, "partial");
                File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-hoursOld));
                return file;
            }
            var stale = Make(".pm.md.postmortem-0123abcd.tmp", 2);
            var fresh = Make(".pm.md.postmortem-89abcdef.tmp", 0.1);      // perhaps another export, still writing
            var otherTarget = Make(".other.md.postmortem-0123abcd.tmp", 2);
            var notOurs = Make(".pm.md.0123abcd.tmp", 2);
            var notOursEither = Make(".pm.md.postmortem-backup.tmp", 2);

            AtomicFile.WriteAllText(path, "new", overwrite: false);

            Assert.False(File.Exists(stale));
            Assert.All(new[] { fresh, otherTarget, notOurs, notOursEither, path }, f => Assert.True(File.Exists(f), f));
        }

        [Fact]
        public void The_temporary_file_is_named_for_its_target_and_the_module()
        {
            Assert.Matches(@"^\.pm\.md\.postmortem-[0-9a-f]{8}\.tmp$", AtomicFile.TemporaryName("pm.md"));
            Assert.True(AtomicFile.IsTemporaryOf(AtomicFile.TemporaryName("pm [1].md"), "pm [1].md"));
            Assert.False(AtomicFile.IsTemporaryOf(AtomicFile.TemporaryName("pm.md"), "pm.m"));
        }

        [Fact]
        public void A_failed_write_leaves_the_old_file_intact_and_cleans_up()
        {
            var path = Path.Combine(_folder, "pm.md");
            File.WriteAllText(path, "old");
            // Text that cannot be encoded (a lone surrogate) fails mid-write, as a full disk would.
            Assert.ThrowsAny<Exception>(() => AtomicFile.WriteAllText(path, "new \ud800 text", overwrite: true));

            Assert.Equal("old", File.ReadAllText(path));
            Assert.Equal(new[] { path }, Directory.GetFiles(_folder).ToArray());
        }
    }
}
