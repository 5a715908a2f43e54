using System;
using System.IO;
using Postmortems.Serialization;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>PostmortemFile.Save writes a postmortem back to the file it was read from, never over a change made to that file since.</summary>
    public sealed class PostmortemFileSaveTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "postmortem-save-tests-" + Guid.NewGuid().ToString("N"));

        public PostmortemFileSaveTests() => Directory.CreateDirectory(_folder);

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private Postmortem Imported(string name)
        {
            var path = Path.Combine(_folder, name);
            File.WriteAllText(path, PostmortemFile.Render(SamplePostmortems.CheckoutOutage(), path));
            return PostmortemFile.Read(path).Postmortem;
        }

        [Theory]
        [InlineData("draft.yaml")]
        [InlineData("page.md")]
        public void Saves_back_to_the_file_and_again_after_the_next_change(string name)
        {
            var p = Imported(name);
            p.RootCause = "First correction.";
            PostmortemFile.Save(p);
            Assert.Equal("First correction.", PostmortemFile.Read(p.SourcePath!).Postmortem.RootCause);

            p.RootCause = "Second correction.";
            PostmortemFile.Save(p);   // the file now is what the first save wrote: no change by anyone else
            Assert.Equal("Second correction.", PostmortemFile.Read(p.SourcePath!).Postmortem.RootCause);
        }

        [Fact]
        public void Export_tells_its_own_file_from_a_page_from_another_postmortems_file()
        {
            var p = Imported("own.yaml");
            var other = Path.Combine(_folder, "other.md");
            var page = Path.Combine(_folder, "page.html");
            File.WriteAllText(other, "# someone else's");
            File.WriteAllText(page, "<html></html>");
            Assert.Equal(ExportTarget.OwnFile, PostmortemFile.TargetOf(p, p.SourcePath!));
            Assert.Equal(ExportTarget.OwnFile, PostmortemFile.TargetOf(p, Path.Combine(_folder, ".", "own.yaml")));
            Assert.Equal(ExportTarget.OtherFile, PostmortemFile.TargetOf(p, other));
            Assert.Equal(ExportTarget.View, PostmortemFile.TargetOf(p, page));
            Assert.Equal(ExportTarget.NewFile, PostmortemFile.TargetOf(p, Path.Combine(_folder, "new.md")));
            Assert.Equal(ExportTarget.OtherFile, PostmortemFile.TargetOf(SamplePostmortems.CheckoutOutage(), p.SourcePath!));
        }

        [Fact]
        public void The_first_file_a_new_postmortem_is_written_to_becomes_its_own_and_saves_go_there_checked()
        {
            var p = SamplePostmortems.CheckoutOutage();
            var path = Path.Combine(_folder, "first.yaml");
            var content = PostmortemFile.RenderChecked(p, path);
            File.WriteAllText(path, content);
            PostmortemFile.Written(p, Path.Combine(_folder, "page.html"), "<html></html>");
            Assert.Null(p.SourcePath);
            PostmortemFile.Written(p, path, content);
            Assert.Equal(path, p.SourcePath);

            p.RootCause = "Saved where it was first written.";
            PostmortemFile.Save(p);
            Assert.Equal("Saved where it was first written.", PostmortemFile.Read(path).Postmortem.RootCause);

            // A copy elsewhere leaves its file as it is.
            var copy = Path.Combine(_folder, "copy.md");
            PostmortemFile.Written(p, copy, PostmortemFile.RenderChecked(p, copy));
            Assert.Equal(path, p.SourcePath);

            File.WriteAllText(path, File.ReadAllText(path).Replace("Checkout API", "Checkout gateway"));
            Assert.Throws<PostmortemFileChangedException>(() => PostmortemFile.CheckUnchanged(p));
        }

        [Fact]
        public void A_file_changed_on_disk_since_it_was_read_is_not_written_over_unless_forced()
        {
            var p = Imported("draft.yaml");
            var teammates = File.ReadAllText(p.SourcePath!).Replace("Checkout API", "Checkout gateway");
            File.WriteAllText(p.SourcePath!, teammates);
            p.RootCause = "Mine.";

            var ex = Assert.Throws<PostmortemFileChangedException>(() => PostmortemFile.Save(p));
            Assert.Equal(p.SourcePath, ex.Path);
            Assert.Contains("changed on disk", ex.Message);
            Assert.Equal(teammates, File.ReadAllText(p.SourcePath!));

            PostmortemFile.Save(p, force: true);
            Assert.Equal("Mine.", PostmortemFile.Read(p.SourcePath!).Postmortem.RootCause);
        }

        [Fact]
        public void A_file_deleted_or_moved_since_it_was_read_is_not_made_again_unless_forced()
        {
            var p = Imported("draft.yaml");
            File.Move(p.SourcePath!, Path.Combine(_folder, "renamed.yaml"));

            var ex = Assert.Throws<PostmortemFileChangedException>(() => PostmortemFile.Save(p));
            Assert.Contains("no longer exists", ex.Message);
            Assert.False(File.Exists(p.SourcePath));

            PostmortemFile.Save(p, force: true);
            Assert.True(File.Exists(p.SourcePath));
        }

        [Fact]
        public void A_path_set_by_hand_is_written_when_free_and_never_over_a_file_that_was_not_read()
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.SourcePath = Path.Combine(_folder, "new.yaml");
            PostmortemFile.Save(p);
            Assert.Equal(p.Id, PostmortemFile.Read(p.SourcePath).Postmortem.Id);

            var other = SamplePostmortems.CheckoutOutage();
            other.SourcePath = p.SourcePath;
            var ex = Assert.Throws<PostmortemFileChangedException>(() => PostmortemFile.Save(other));
            Assert.Contains("was not read from", ex.Message);
        }

        [Fact]
        public void A_postmortem_from_no_file_has_nowhere_to_go()
        {
            var ex = Assert.Throws<InvalidOperationException>(() => PostmortemFile.Save(SamplePostmortems.CheckoutOutage()));
            Assert.Contains("Export-Postmortem", ex.Message);
        }

        [Fact]
        public void Text_no_file_can_hold_leaves_the_file_as_it_was()
        {
            var p = Imported("page.md");
            var before = File.ReadAllText(p.SourcePath!);
            // Text entering through the model has half a character replaced; a publication record set whole does not.
            p.Publication = new Publication { UpdatedByName = "cut \ud83d" };
            Assert.Throws<PostmortemTextException>(() => PostmortemFile.Save(p));
            Assert.Equal(before, File.ReadAllText(p.SourcePath!));
            Assert.Single(Directory.GetFileSystemEntries(_folder));
        }
    }
}
