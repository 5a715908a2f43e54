using System;
using System.Linq;
using Postmortems.Rendering;
using Postmortems.Serialization;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>The lock of a final postmortem is kept by the model itself: a script cannot go around the cmdlets.</summary>
    public sealed class LockTests
    {
        private static Postmortem Final()
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.State = DocumentState.Final;
            return p;
        }

        public static TheoryData<string, Action<Postmortem>> Changes => new TheoryData<string, Action<Postmortem>>
        {
            { "a why added", p => p.Whys.Add("Why? Because.") },
            { "a factor removed", p => p.ContributingFactors.RemoveAt(0) },
            { "what went well cleared", p => p.WentWell.Clear() },
            { "an author replaced", p => p.Authors[0] = "Someone else" },
            { "a reviewer added", p => p.Reviewers.Add("Dana Okafor") },
            { "a service added", p => p.Impact.ServicesAffected.Add("payments") },
            { "the users affected", p => p.Impact.UsersAffected = "nobody" },
            { "data loss", p => p.Impact.DataLoss = true },
            { "the title", p => p.Title = "Something else" },
            { "the date", p => p.Date = new DateTime(2026, 1, 1) },
            { "the severity", p => p.Severity = Severity.P4 },
            { "the status", p => p.Status = IncidentStatus.Ongoing },
            { "the duration", p => p.ExplicitDuration = TimeSpan.FromHours(1) },
            { "the root cause", p => p.RootCause = "Human error." },
            { "the summary", p => p.ExecutiveSummary = "Nothing happened." },
            { "the lessons", p => p.LessonsLearned = "None." },
            { "an event added", p => p.Timeline.Add(new TimelineEvent(new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc), "Something")) },
            { "the timeline cleared", p => p.Timeline.Clear() },
            { "an event removed", p => p.Timeline.Remove(p.Timeline[0]) },
            { "an event rewritten", p => p.Timeline.ReplaceAt(0, new TimelineEvent(p.Timeline[0].UtcTime, "Rewritten")) },
            { "an event moved", p => p.Timeline.Replace(0, p.Timeline[0].With(time: p.Timeline[0].UtcTime.AddMinutes(1))) },
            { "an event's milestone cleared", p => p.Timeline.Mark(p.Timeline.First(e => e.Milestone != Milestone.None).WithMilestone(Milestone.None)) },
            { "an action item added", p => p.ActionItems.Add(new ActionItem("Do nothing")) },
            { "an action item removed", p => p.ActionItems.RemoveAll(_ => true) },
            { "an action item's action", p => p.ActionItems[0].Action = "Do nothing" },
            { "an action item's owner", p => p.ActionItems[0].Owner = "nobody" },
            { "an action item's due date", p => p.ActionItems[0].DueDate = new DateTime(2030, 1, 1) },
            { "an action item's priority", p => p.ActionItems[0].Priority = ActionPriority.P3 },
        };

        [Theory]
        [MemberData(nameof(Changes))]
        public void A_final_postmortem_refuses_every_change_to_its_content_naming_Unlock_Postmortem(string change, Action<Postmortem> apply)
        {
            var p = Final();
            var before = PostmortemYaml.Write(p);
            var error = Assert.Throws<PostmortemStateException>(() => apply(p));
            Assert.Contains("Unlock-Postmortem", error.Message);
            Assert.Equal(before, PostmortemYaml.Write(p));
            Assert.False(string.IsNullOrEmpty(change));
        }

        [Fact]
        public void Following_up_an_action_item_and_the_review_and_publication_records_stay_open_on_a_final_postmortem()
        {
            var p = Final();
            p.ActionItems[0].Status = ActionItemStatus.Done;
            p.ActionItems[0].Tracking = "PAY-1500";
            p.SignOffs.Add(new SignOff("Dana Okafor", new DateTime(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc)));
            p.Publication = new Publication { PageId = 42 };
            Assert.Equal(ActionItemStatus.Done, p.ActionItems[0].Status);
        }

        [Fact]
        public void After_an_unlock_the_content_changes_again()
        {
            var p = Final();
            PostmortemReview.Unlock(p, "A reviewer found a wrong time.", new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc));
            p.Whys.Add("Why? Because.");
            p.ActionItems[0].Action = "Verify the whole chain in the rotation pipeline";
            Assert.Equal(DocumentState.InReview, p.State);
        }

        [Fact]
        public void A_final_postmortem_reads_back_from_its_draft_and_its_markdown_still_locked()
        {
            var p = Final();
            foreach (var read in new[]
            {
                PostmortemYaml.Read(PostmortemYaml.Write(p), "final.yaml").Postmortem,
                PostmortemMarkdownReader.Read(PostmortemMarkdown.Render(p, frontMatter: true), "final.md").Postmortem,
            })
            {
                Assert.True(read.IsLocked);
                Assert.Equal(p.ActionItems.Count, read.ActionItems.Count);
                Assert.Equal(p.Timeline.Count, read.Timeline.Count);
                Assert.Throws<PostmortemStateException>(() => read.Whys.Add("x"));
            }
        }

        [Fact]
        public void An_action_item_moved_to_another_postmortem_keeps_that_ones_lock()
        {
            var item = new ActionItem("Add a chain check") { Owner = "platform" };
            var draft = SamplePostmortems.CheckoutOutage();
            draft.ActionItems.Add(item);
            item.Owner = "payments";
            draft.State = DocumentState.Final;
            Assert.Throws<PostmortemStateException>(() => item.Owner = "nobody");
            Assert.Equal("payments", draft.ActionItems.Last().Owner);
        }
    }
}

namespace Postmortems.Tests
{
    using Postmortems.Rules;

    /// <summary>A sign-off records what was approved, so content changed around the lock shows.</summary>
    public sealed class SignOffContentTests
    {
        private static readonly DateTime Now = new DateTime(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);

        private static Postmortem ApprovedAndFinal()
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.Context = IncidentContext.Work;
            p.Reviewers.Clear();
            p.Reviewers.Add("Marcus Lee");
            PostmortemReview.Submit(p, Array.Empty<string>());
            PostmortemReview.Approve(p, "Marcus Lee", Now);
            PostmortemReview.Complete(p, Array.Empty<DiagnosticRecord>(), force: true);
            return p;
        }

        [Fact]
        public void A_sign_off_records_the_content_it_approved_and_it_survives_the_draft_and_the_front_matter()
        {
            var p = ApprovedAndFinal();
            var digest = Assert.Single(p.SignOffs).ContentDigest;
            Assert.Equal(PostmortemYaml.ContentDigest(p), digest);
            Assert.Equal(digest, Assert.Single(PostmortemYaml.Read(PostmortemYaml.Write(p), "x.yaml").Postmortem.SignOffs).ContentDigest);
            Assert.Equal(digest, Assert.Single(PostmortemMarkdownReader.Read(PostmortemMarkdown.Render(p, frontMatter: true), "x.md").Postmortem.SignOffs).ContentDigest);
            Assert.Empty(PostmortemReview.ApprovedOtherContent(p));
        }

        [Fact]
        public void Following_the_action_items_up_on_a_final_postmortem_does_not_change_what_was_approved()
        {
            var p = ApprovedAndFinal();
            p.ActionItems[0].Tracking = "https://github.com/octo/ops/issues/1";
            p.ActionItems[0].SetStatus(ActionItemStatus.Done, null, new DateTime(2026, 11, 27));
            p.ActionItems[1].SetStatus(ActionItemStatus.WontDo, "the gateway alerts on chain errors itself");

            Assert.Empty(PostmortemReview.ApprovedOtherContent(p));
            var read = PostmortemYaml.Read(PostmortemYaml.Write(p), "x.yaml").Postmortem;
            Assert.Empty(PostmortemReview.ApprovedOtherContent(read));
            Assert.DoesNotContain(PostmortemLinter.Check(read, RuleSettings.Default()), f => f.RuleName == "SignedOffContentChanged");
        }

        [Fact]
        public void An_action_reworded_around_the_lock_is_still_a_change_to_what_was_approved()
        {
            var p = ApprovedAndFinal();
            var yaml = PostmortemYaml.Write(p).Replace(p.ActionItems[0].Action, "Be more careful with bundles");
            var read = PostmortemYaml.Read(yaml, "x.yaml").Postmortem;
            Assert.Equal("Marcus Lee", Assert.Single(PostmortemReview.ApprovedOtherContent(read)).Reviewer);
        }

        [Fact]
        public void A_sign_off_that_fingerprinted_the_items_status_and_tracking_too_still_vouches_for_unchanged_content()
        {
            // Sign-offs recorded before the fingerprint left the follow-up out hold the digest with it.
            var p = ApprovedAndFinal();
            var earlier = Assert.Single(p.SignOffs);
            p.SignOffs[0] = new SignOff(earlier.Reviewer, earlier.Date, earlier.Comment, earlier.AcknowledgedRules, PostmortemYaml.ContentDigestWithFollowUp(p));
            Assert.NotEqual(PostmortemYaml.ContentDigest(p), p.SignOffs[0].ContentDigest);
            Assert.Empty(PostmortemReview.ApprovedOtherContent(p));
            var read = PostmortemYaml.Read(PostmortemYaml.Write(p).Replace(p.RootCause!.Split(' ')[0] + " ", "An engineer pasted the wrong file. "), "x.yaml").Postmortem;
            Assert.Single(PostmortemReview.ApprovedOtherContent(read));
        }

        [Fact]
        public void A_final_draft_edited_by_hand_is_reported_on_import_and_by_Test_Postmortem()
        {
            var p = ApprovedAndFinal();
            var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(folder);
            try
            {
                var path = System.IO.Path.Combine(folder, "final.yaml");
                var yaml = PostmortemYaml.Write(p).Replace(p.RootCause!.Split(' ')[0] + " ", "An engineer pasted the wrong file. ");
                System.IO.File.WriteAllText(path, yaml);
                var read = PostmortemFile.Read(path);

                Assert.Contains(read.Warnings, w => w.Contains("not what Marcus Lee approved"));
                var finding = Assert.Single(PostmortemLinter.Check(read.Postmortem, RuleSettings.Default()), f => f.RuleName == "SignedOffContentChanged");
                Assert.Equal(DiagnosticSeverity.Error, finding.Severity);

                System.IO.File.WriteAllText(path, PostmortemYaml.Write(p));
                Assert.DoesNotContain(PostmortemFile.Read(path).Warnings, w => w.Contains("approved"));
            }
            finally
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
        }
    }
}
