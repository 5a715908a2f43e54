using System;
using System.Linq;
using Postmortems.Merging;
using Postmortems.Privacy;
using Postmortems.Rendering;
using Postmortems.Rules;
using Postmortems.Serialization;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>The customer-facing version: its model, its place in the internal document, its own document, its checks and approval.</summary>
    public class ExternalVersionTests
    {
        private const string Summary = "On 20 November, for 47 minutes, checkout did not accept payments. No payment was taken twice and no card data was exposed.";
        private const string Impact = "About 3,100 customers could not complete a purchase between 09:12 and 09:59 UTC.";
        private const string Happened = "A routine security certificate update was incomplete, and our checkout service refused connections until we restored the previous certificate.";
        private const string Doing = "Every certificate update is now checked automatically before it goes live, and an alert watches certificate errors.";

        private static Postmortem WithExternal(Action<ExternalVersion>? change = null)
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.External.Summary = Summary;
            p.External.CustomerImpact = Impact;
            p.External.WhatHappened = Happened;
            p.External.WhatWeAreDoing = Doing;
            change?.Invoke(p.External);
            return p;
        }

        // ---- Model

        [Fact]
        public void The_external_text_is_normalized_and_its_title_is_the_postmortems_until_one_is_set()
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.External.Summary = "\r\nCheckout was down.\r\n\r\n  ";
            p.External.Title = "  Checkout \n unavailable on 20 November ";
            p.External.WhatHappened = "   ";
            Assert.Equal("Checkout was down.", p.External.Summary);
            Assert.Equal("Checkout unavailable on 20 November", p.External.ShownTitle);
            Assert.Null(p.External.WhatHappened);
            p.External.Title = "";
            Assert.Equal(p.Title, p.External.ShownTitle);
        }

        [Fact]
        public void The_external_version_stays_editable_while_the_postmortem_is_final_and_its_edit_leaves_the_internal_approvals_current()
        {
            var p = WithExternal();
            p.State = DocumentState.InReview;
            PostmortemReview.Approve(p, "Marcus Lee", new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc));
            PostmortemReview.Complete(p, Array.Empty<DiagnosticRecord>(), force: false);

            p.External.Summary = "Checkout did not accept payments for 47 minutes.";
            p.External.Title = "Checkout unavailable";

            Assert.Throws<PostmortemStateException>(() => p.ExecutiveSummary = "changed");
            Assert.Empty(PostmortemReview.ApprovedOtherContent(p));
        }

        [Fact]
        public void Missing_names_the_required_parts_and_their_Set_Postmortem_parameters()
        {
            var p = WithExternal(e => { e.CustomerImpact = null; e.WhatHappened = null; });
            Assert.Equal(new[] { "ExternalImpact" }, p.External.Missing.Select(m => m.Parameter));
            var error = Assert.Throws<ExternalVersionException>(() => ExternalCheck.EnsureReady(p, null));
            Assert.Equal(ExternalVersionProblem.Incomplete, error.Problem);
            Assert.Contains("Customer Impact", error.Message);
            Assert.Contains("Set-Postmortem -ExternalImpact '...'", error.Message);

            var none = Assert.Throws<ExternalVersionException>(() => ExternalCheck.EnsureReady(SamplePostmortems.CheckoutOutage(), null));
            Assert.Contains("has no external version yet", none.Message);
            Assert.Contains("-ExternalSummary '...' -ExternalImpact '...' -ExternalNextSteps '...'", none.Message);
        }

        [Fact]
        public void The_digest_follows_what_customers_read_and_nothing_else()
        {
            var p = WithExternal();
            var digest = p.External.ContentDigest;
            p.RootCause = "Another root cause";
            p.ActionItems.Clear();
            Assert.Equal(digest, p.External.ContentDigest);

            foreach (Action<Postmortem> change in new Action<Postmortem>[]
            {
                q => q.External.Summary += " More.",
                q => q.External.CustomerImpact += " More.",
                q => q.External.WhatHappened = null,
                q => q.External.WhatWeAreDoing += " More.",
                q => q.External.Title = "Checkout unavailable",
                q => q.Title = "Another internal title, shown while there is no external one",
                q => q.Date = new DateTime(2026, 11, 21),
                q => q.ExplicitDuration = TimeSpan.FromMinutes(90),
                q => { q.Impact.ImpactStart = new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc); q.Impact.ImpactEnd = new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc); },
            })
            {
                var q = WithExternal();
                change(q);
                Assert.NotEqual(digest, q.External.ContentDigest);
            }
        }

        // ---- Approval

        [Fact]
        public void An_external_approval_records_the_text_it_approved_and_an_edit_takes_it_back()
        {
            var p = WithExternal();
            var at = new DateTime(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc);
            var signOff = PostmortemReview.ApproveExternal(p, "dana ortiz", at, "Checked with support");

            Assert.Equal(p.External.ContentDigest, signOff.ContentDigest);
            Assert.True(p.External.IsApproved);
            Assert.Empty(p.SignOffs);
            Assert.Equal(DocumentState.Draft, p.State);
            ExternalCheck.EnsureApproved(p);

            p.External.WhatWeAreDoing = Doing + " We will report back by 4 December.";
            Assert.False(p.External.IsApproved);
            Assert.Single(p.External.SignOffs);
            var error = Assert.Throws<ExternalVersionException>(() => ExternalCheck.EnsureApproved(p));
            Assert.Equal(ExternalVersionProblem.NotApproved, error.Problem);
            Assert.Contains("it changed since dana ortiz approved it", error.Message);
            Assert.Contains("Approve-Postmortem -Reviewer 'name' -Audience External", error.Message);

            // A second approval by the same person replaces the first; a reviewer of the postmortem signs as it names them.
            PostmortemReview.ApproveExternal(p, "DANA ORTIZ", at.AddHours(1));
            PostmortemReview.ApproveExternal(p, "marcus lee", at.AddHours(2));
            Assert.Equal(new[] { "DANA ORTIZ", "Marcus Lee" }, p.External.SignOffs.Select(s => s.Reviewer));
            Assert.True(p.External.IsApproved);
            Assert.Contains("approved by DANA ORTIZ", p.External.ToString());
        }

        [Fact]
        public void An_external_approval_is_refused_while_the_text_is_incomplete_or_shows_internal_detail()
        {
            var incomplete = WithExternal(e => e.WhatWeAreDoing = null);
            Assert.Equal(ExternalVersionProblem.Incomplete,
                Assert.Throws<ExternalVersionException>(() => PostmortemReview.ApproveExternal(incomplete, "Dana Ortiz", DateTime.UtcNow)).Problem);
            var leaky = WithExternal(e => e.WhatHappened = "We rotated the key AKIAIOSFODNN7EXAMPLE after the incident.");
            var error = Assert.Throws<ExternalVersionException>(() => PostmortemReview.ApproveExternal(leaky, "Dana Ortiz", DateTime.UtcNow));
            Assert.Equal(ExternalVersionProblem.InternalDetail, error.Problem);
            Assert.Empty(leaky.External.SignOffs);
        }

        // ---- Checks

        [Fact]
        public void A_secret_in_any_emitted_text_is_a_finding_with_its_field_and_the_parameter_that_fixes_it()
        {
            var p = WithExternal(e => e.WhatHappened = "We rotated the key AKIAIOSFODNN7EXAMPLE after the incident.");
            var finding = Assert.Single(ExternalCheck.Find(p));
            Assert.Equal(("External.WhatHappened", "Secret", "AKIAIOSFODNN7EXAMPLE", "ExternalWhatHappened"), (finding.Field, finding.Kind, finding.Value, finding.Parameter));
            Assert.Equal("AKIAIOSFODNN7EXAMPLE", p.External.WhatHappened!.Substring(finding.Start, finding.Length));

            var error = Assert.Throws<ExternalVersionException>(() => ExternalCheck.EnsureReady(p, null));
            Assert.Equal(ExternalVersionProblem.InternalDetail, error.Problem);
            Assert.Contains("External.WhatHappened", error.Message);
            Assert.Contains("Set-Postmortem -ExternalWhatHappened", error.Message);
            Assert.Equal(finding.ToString(), error.Findings.Single().ToString());
        }

        [Fact]
        public void A_host_a_person_of_the_postmortem_and_a_ticket_are_findings_and_a_public_host_from_the_settings_is_not()
        {
            var p = WithExternal(e =>
            {
                e.WhatHappened = "The gateway gw-prod-03.int.example.net refused connections until Priya Natarajan restored the certificate (PAY-1423).";
                e.WhatWeAreDoing = Doing + " Updates are on eu1.status.example.com.";
            });
            var findings = ExternalCheck.Find(p);
            Assert.Contains(findings, f => f.Field == "External.WhatHappened" && f.Kind == "Hostname" && f.Value == "gw-prod-03.int.example.net");
            Assert.Contains(findings, f => f.Field == "External.WhatHappened" && f.Kind == "Person" && f.Value.StartsWith("Priya", StringComparison.Ordinal));
            Assert.Contains(findings, f => f.Field == "External.WhatHappened" && f.Value.Contains("PAY-1423"));
            Assert.Contains(findings, f => f.Field == "External.WhatWeAreDoing" && f.Value == "eu1.status.example.com");
            Assert.All(findings, f => Assert.Equal(f.Value, p.External[f.Field.Substring("External.".Length)]!.Substring(f.Start, f.Length)));

            var settings = new ExternalSettings();
            settings.PublicHosts.Add("eu1.status.example.com");
            Assert.DoesNotContain(ExternalCheck.Find(p, settings), f => f.Field == "External.WhatWeAreDoing");

            var message = Assert.Throws<ExternalVersionException>(() => ExternalCheck.EnsureReady(p, settings)).Message;
            Assert.Contains("External.WhatHappened: a host name 'gw-prod-03.int.example.net'.", message);
            Assert.Contains("Set-Postmortem -ExternalWhatHappened", message);
            Assert.Contains("External = @{ PublicHosts = @('...') }", message);
        }

        [Fact]
        public void People_from_the_settings_are_findings_though_the_postmortem_does_not_name_them()
        {
            var p = WithExternal(e => e.WhatHappened = "Dana Ortiz from support noticed the failures first.");
            Assert.DoesNotContain(ExternalCheck.Find(p), f => f.Kind == "Person");
            var settings = new ExternalSettings();
            settings.People.Add("Dana Ortiz");
            Assert.Contains(ExternalCheck.Find(p, settings), f => f.Kind == "Person" && f.Value == "Dana Ortiz");
        }

        [Fact]
        public void The_postmortems_own_title_is_checked_while_no_external_title_is_set()
        {
            var p = WithExternal();
            p.Title = "Checkout down after token ghp_1234567890abcdefghijklmnopqrstuvwxyzAB leaked";
            var finding = Assert.Single(ExternalCheck.Find(p));
            Assert.Equal(("Title", "ExternalTitle"), (finding.Field, finding.Parameter));
            Assert.Contains("The title (the postmortem's own, which customers see while no -ExternalTitle is set)", ExternalCheck.Describe(p, new[] { finding }));
            p.External.Title = "Checkout unavailable on 20 November";
            Assert.Empty(ExternalCheck.Find(p));
        }

        [Fact]
        public void The_External_rules_report_an_incomplete_version_and_a_stale_approval_and_stay_out_of_the_internal_review()
        {
            var settings = RuleSettings.Default();
            Assert.DoesNotContain(PostmortemLinter.Check(SamplePostmortems.CheckoutOutage(), settings), f => PostmortemRules.IsExternal(f.RuleName));

            var p = WithExternal(e => e.CustomerImpact = null);
            var incomplete = Assert.Single(PostmortemLinter.Check(p, settings), f => f.RuleName == "ExternalVersionComplete");
            Assert.Equal(("External.CustomerImpact", PostmortemSection.ExternalVersion, DiagnosticSeverity.Error), (incomplete.Target, incomplete.Section, incomplete.Severity));
            Assert.Contains("Set-Postmortem -ExternalImpact", incomplete.Suggestion);

            // In review with only the external version's error: the review itself has none outstanding.
            p.State = DocumentState.InReview;
            Assert.DoesNotContain(PostmortemLinter.Check(p, settings), f => f.RuleName == "ReviewWithErrors");

            var approved = WithExternal();
            PostmortemReview.ApproveExternal(approved, "Dana Ortiz", new DateTime(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc));
            Assert.DoesNotContain(PostmortemLinter.Check(approved, settings), f => PostmortemRules.IsExternal(f.RuleName));
            approved.External.Summary = "Changed after the approval.";
            var stale = Assert.Single(PostmortemLinter.Check(approved, settings), f => f.RuleName == "ExternalSignOffCurrent");
            Assert.Contains("Dana Ortiz (2026-11-27 10:00 UTC)", stale.Message);
        }

        [Fact]
        public void The_external_version_blames_no_one_and_its_blame_does_not_hold_up_the_internal_review()
        {
            var p = WithExternal(e => e.WhatHappened = "The on-call engineer forgot to renew the certificate, so checkout refused connections.");
            var blame = Assert.Single(PostmortemLinter.Check(p, RuleSettings.Default()), f => f.RuleName == "ExternalBlameless");
            Assert.Equal("External.WhatHappened", blame.Target);
            Assert.Equal(DiagnosticSeverity.Error, blame.Severity);
            Assert.Contains("Set-Postmortem -ExternalWhatHappened", blame.Suggestion);
            Assert.True(PostmortemRules.IsExternal(blame.RuleName));

            // The plain account of the same failure passes.
            p.External.WhatHappened = "A certificate expired before it was renewed, and checkout refused connections until a new one was installed.";
            Assert.DoesNotContain(PostmortemLinter.Check(p, RuleSettings.Default()), f => f.RuleName == "ExternalBlameless");
        }

        [Fact]
        public void The_external_version_gives_customers_numbers()
        {
            var p = WithExternal(e => e.CustomerImpact = "Some customers could not pay for hours.");
            var vague = Assert.Single(PostmortemLinter.Check(p, RuleSettings.Default()), f => f.RuleName == "ExternalVagueQuantity");
            Assert.Equal("External.CustomerImpact", vague.Target);
            Assert.Equal(DiagnosticSeverity.Warning, vague.Severity);
            Assert.Contains("Set-Postmortem -ExternalImpact", vague.Suggestion);

            p.External.CustomerImpact = "About 3,100 customers could not pay between 09:12 and 09:59 UTC.";
            Assert.DoesNotContain(PostmortemLinter.Check(p, RuleSettings.Default()), f => f.RuleName == "ExternalVagueQuantity");
        }

        [Fact]
        public void The_settings_file_gives_public_hosts_and_people_and_refuses_anything_else()
        {
            var settings = RuleSettings.Default();
            settings.Apply("@{ External = @{ PublicHosts = @('gitlab.com', 'status.gitlab.com'); People = 'Dana Ortiz' } }", "team.psd1");
            Assert.Equal(new[] { "gitlab.com", "status.gitlab.com" }, settings.External.PublicHosts);
            Assert.Equal(new[] { "Dana Ortiz" }, settings.External.People);

            var unknown = Assert.Throws<Postmortems.Settings.SettingsFormatException>(() => RuleSettings.Default().Apply("@{ External = @{\n  Hosts = @('x') } }", "team.psd1"));
            Assert.Contains("team.psd1, line 2: External.Hosts is not an External setting. Use PublicHosts and People", unknown.Message);
            var notText = Assert.Throws<Postmortems.Settings.SettingsFormatException>(() => RuleSettings.Default().Apply("@{ External = @{ People = @(42) } }", "team.psd1"));
            Assert.Contains("External.People is a list of text", notText.Message);
        }

        // ---- Its own document

        [Fact]
        public void The_external_document_shows_its_parts_and_nothing_of_the_internal_postmortem()
        {
            var p = WithExternal(e => e.Title = "Checkout unavailable on 20 November");
            var markdown = ExternalReport.Markdown(p);

            Assert.Equal(
                "# Incident report: Checkout unavailable on 20 November\n\n**Date:** 2026-11-20\\\n**Duration:** 47 minutes\n\n" +
                $"## Summary\n\n{Summary}\n\n## Customer Impact\n\n{Impact}\n\n## What Happened\n\n{Happened}\n\n## What We Are Doing\n\n{Doing}\n",
                markdown);
            foreach (var inside in new[] { "Timeline", "Root Cause", "Whys", "Action Items", "Priya", "Marcus", "checkout-api", "PAY-1423", "intermediate certificate", "Contributing" })
            {
                Assert.DoesNotContain(inside, markdown);
            }
            // A wiki page's name is its title: its body starts with the date.
            Assert.StartsWith("**Date:** 2026-11-20", ExternalReport.Markdown(p, titleHeading: false));
            Assert.Equal("Incident report 2026-11-20: Checkout unavailable on 20 November", ExternalReport.PageName(p));
        }

        [Fact]
        public void Who_approved_the_external_version_is_a_person_its_text_must_not_name()
        {
            var p = WithExternal();
            PostmortemReview.ApproveExternal(p, "Dana Ortiz", new DateTime(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc));
            p.External.WhatWeAreDoing += " Dana will post an update on Friday.";
            var finding = Assert.Single(ExternalCheck.Find(p));
            Assert.Equal("External.WhatWeAreDoing", finding.Field);
            Assert.Equal("Dana", finding.Value);
        }

        [Fact]
        public void The_external_document_lasts_as_long_as_the_impact_window_when_it_has_both_ends()
        {
            var p = WithExternal();
            p.Impact.ImpactStart = new DateTime(2026, 11, 20, 9, 5, 0, DateTimeKind.Utc);
            Assert.Contains("**Duration:** 47 minutes", ExternalReport.Markdown(p));     // one end: the incident's Duration
            p.Impact.ImpactEnd = new DateTime(2026, 11, 20, 11, 10, 0, DateTimeKind.Utc);
            Assert.Contains("**Duration:** 2 hours 5 minutes", ExternalReport.Markdown(p));
            Assert.Equal(TimeSpan.FromMinutes(125), p.External.CustomerDuration);
        }

        [Fact]
        public void The_external_document_leaves_out_what_is_not_known_and_what_happened_when_it_is_not_written()
        {
            var p = WithExternal(e => e.WhatHappened = null);
            p.Date = null;
            p.Timeline.Clear();
            var markdown = ExternalReport.Markdown(p);
            Assert.StartsWith("# Incident report: " + p.Title + "\n\n## Summary\n\n", markdown);
            Assert.DoesNotContain("What Happened", markdown);
            Assert.DoesNotContain("Duration", markdown);
            Assert.Equal("Incident report: " + p.Title, ExternalReport.PageName(p));
        }

        [Theory]
        [InlineData(0.4, "less than a minute")]
        [InlineData(1, "1 minute")]
        [InlineData(47, "47 minutes")]
        [InlineData(60, "1 hour")]
        [InlineData(125, "2 hours 5 minutes")]
        [InlineData(1500, "1 day 1 hour")]
        public void The_duration_reads_as_customers_say_it(double minutes, string expected) =>
            Assert.Equal(expected, ExternalReport.Lasting(TimeSpan.FromMinutes(minutes)));

        [Fact]
        public void The_external_HTML_goes_through_Markdig_with_the_text_escaped()
        {
            var p = WithExternal(e => e.Summary = "Checkout <b>failed</b> & recovered.\n\nSee the [status page](https://status.example.com).");
            var page = ExternalReport.HtmlPage(p);
            Assert.StartsWith("<!DOCTYPE html>", page);
            Assert.Contains("<title>Incident report: Checkout API returned 502s after certificate rotation</title>", page);
            Assert.Contains("<h2>Summary</h2>", page);
            Assert.Contains("Checkout &lt;b&gt;failed&lt;/b&gt; &amp; recovered.", page);
            Assert.Contains("<a href=\"https://status.example.com\">status page</a>", page);
            Assert.DoesNotContain("<svg", page);
            Assert.DoesNotContain("<h1>", ExternalReport.HtmlFragment(p, titleHeading: false));
        }

        // ---- In the internal document

        [Fact]
        public void The_internal_document_ends_with_the_external_version_only_when_it_has_text()
        {
            var without = SamplePostmortems.CheckoutOutage();
            var plain = PostmortemMarkdown.Render(without);
            without.External.SignOffs.Add(new SignOff("Dana Ortiz", DateTime.UtcNow));
            Assert.Equal(plain, PostmortemMarkdown.Render(without));
            Assert.DoesNotContain("External", plain);

            var p = WithExternal(e => { e.WhatHappened = null; e.WhatWeAreDoing = null; e.Title = "Checkout unavailable"; });
            var markdown = PostmortemMarkdown.Render(p);
            Assert.EndsWith(
                "## External Version\n\n### Title\n\nCheckout unavailable\n\n### Summary\n\n" + Summary + "\n\n### Customer Impact\n\n" + Impact +
                "\n\n### What We Are Doing\n\n_Not yet written._\n", markdown);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void The_external_version_reads_back_from_the_file_and_from_the_page(bool frontMatter)
        {
            var p = WithExternal(e => e.Title = "Checkout unavailable on 20 November");
            PostmortemReview.ApproveExternal(p, "Dana Ortiz", new DateTime(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc), "ok");
            var markdown = frontMatter ? PostmortemMarkdown.Render(p, frontMatter: true) : PostmortemMarkdown.Render(p, new MarkdownOptions { TitleHeading = false, TimelineChart = true, UnbreakableDates = true });
            var read = frontMatter ? PostmortemMarkdownReader.Read(markdown, "p.md") : PostmortemMarkdownReader.Read(markdown, "page", p.Title);

            Assert.Empty(read.Warnings);
            var back = read.Postmortem.External;
            Assert.Equal((p.External.Title, Summary, Impact, Happened, Doing), (back.Title, back.Summary, back.CustomerImpact, back.WhatHappened, back.WhatWeAreDoing));
            // Its approval and page record are in the front matter; the page shows the text alone.
            Assert.Equal(frontMatter ? 1 : 0, back.SignOffs.Count);
            if (frontMatter) Assert.True(back.IsApproved);
        }

        [Fact]
        public void A_reviewer_edits_the_external_version_in_the_page_and_what_the_template_has_no_place_for_is_warned_of()
        {
            var p = WithExternal();
            var page = PostmortemMarkdown.Render(p, new MarkdownOptions { TitleHeading = false })
                .Replace("### Customer Impact\n\n" + Impact, "### Customer impact\n\nAbout 3,000 customers.\n\n### Apology\n\nWe are sorry.")
                .Replace("## External Version\n\n", "## External Version\n\nDraft for the status page.\n\n");
            var read = PostmortemMarkdownReader.Read(page, "page", p.Title);

            Assert.Equal("About 3,000 customers.", read.Postmortem.External.CustomerImpact);
            Assert.Equal(Summary, read.Postmortem.External.Summary);
            Assert.Equal(2, read.Warnings.Count);
            Assert.Contains(read.Warnings, w => w.Contains("the External Version's part 'Apology' is none of Title, Summary, Customer Impact, What Happened, What We Are Doing"));
            Assert.Contains(read.Warnings, w => w.Contains("the External Version holds 'Draft for the status page.' outside its parts"));
            // Its ### Summary is the external summary, not the executive summary.
            Assert.Equal(p.ExecutiveSummary, read.Postmortem.ExecutiveSummary);
        }

        [Theory]
        [InlineData("# Postmortem: Ext\n\n## External Version\n\n### Summary\n\none\n\n### Apology\n\nthree\n\n### Customer Impact\n\nfour\n")]
        [InlineData("# Postmortem: Ext\n\n## Our Notes\n\n### Aside\n\nthree\n\n## External Version\n\n### Summary\n\none\n\n### Customer Impact\n\nfour\n")]
        public void What_follows_a_part_that_is_not_read_is_still_read_in_a_file_with_no_template_section(string markdown)
        {
            // Found by hostile input: after an unknown part, a file with no template section before it skipped every later heading, silently.
            var read = PostmortemMarkdownReader.Read(markdown, "ext.md");
            Assert.Equal("one", read.Postmortem.External.Summary);
            Assert.Equal("four", read.Postmortem.External.CustomerImpact);
        }

        [Fact]
        public void The_draft_keeps_the_external_version_with_its_approvals_and_page_record()
        {
            var p = WithExternal();
            PostmortemReview.ApproveExternal(p, "Dana Ortiz", new DateTime(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc));
            p.External.Publication = new Publication { Server = "https://status.example.com/", PageId = 7, BookId = 3, Digest = "d", PageDigest = "pd", UpdatedAt = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero) };
            var yaml = PostmortemYaml.Write(p);
            Assert.Contains("external:\n  title: ''\n  summary: ", yaml);
            var back = PostmortemYaml.Read(yaml, "p.yaml");
            Assert.Empty(back.Warnings);
            Assert.Equal(PostmortemDump.Of(p), PostmortemDump.Of(back.Postmortem));
            Assert.True(back.Postmortem.External.IsApproved);
            Assert.Equal((7, 3), (back.Postmortem.External.Publication!.PageId, back.Postmortem.External.Publication.BookId));
            Assert.Null(back.Postmortem.Publication);

            var front = PostmortemMarkdownReader.Read(PostmortemMarkdown.Render(p, frontMatter: true), "p.md").Postmortem;
            Assert.Equal(7, front.External.Publication!.PageId);
            Assert.Null(front.Publication);
        }

        [Fact]
        public void A_draft_without_an_external_version_is_written_as_before()
        {
            var p = SamplePostmortems.CheckoutOutage();
            Assert.DoesNotContain("external", PostmortemYaml.Write(p));
            Assert.DoesNotContain("external", PostmortemMarkdown.Render(p, frontMatter: true));
        }

        [Fact]
        public void A_bad_external_block_in_a_draft_names_its_line()
        {
            var yaml = PostmortemYaml.Write(SamplePostmortems.CheckoutOutage()) + "external:\n  summary: [a, b]\n";
            var error = Assert.Throws<PostmortemFormatException>(() => PostmortemYaml.Read(yaml, "p.yaml"));
            Assert.Contains("'summary' must be text", error.Message);
            var unknown = PostmortemYaml.Read(PostmortemYaml.Write(SamplePostmortems.CheckoutOutage()) + "external:\n  summry: text\n", "p.yaml");
            Assert.Contains(unknown.Warnings, w => w.Contains("unknown key 'summry' in 'external'"));
        }

        [Fact]
        public void An_extra_section_may_not_take_the_external_versions_name_or_stand_after_it()
        {
            var p = SamplePostmortems.CheckoutOutage();
            var name = Assert.Throws<ArgumentException>(() => p.Sections.Set("External version", "text"));
            Assert.Contains("Set-Postmortem -ExternalSummary", name.Message);
            Assert.Throws<ArgumentException>(() => p.Sections.Set("Customer Communication", "text", PostmortemSection.ExternalVersion));
        }

        // ---- Merge and Protect

        [Fact]
        public void The_wiki_merge_takes_a_reviewers_edit_of_the_external_text_and_reports_a_conflict_by_its_field()
        {
            var @base = WithExternal();
            var local = WithExternal();
            var wiki = WithExternal(e => e.CustomerImpact = "About 3,000 customers.");
            var merged = PostmortemMerge.Merge(@base, local, wiki);
            Assert.Equal("About 3,000 customers.", merged.Merged.External.CustomerImpact);
            Assert.Contains(merged.TakenFromWiki, c => c.Section == "External Version");

            local.External.CustomerImpact = "Roughly 3,100 customers.";
            local.External.SignOffs.Add(new SignOff("Dana Ortiz", new DateTime(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc), null, null, "x"));
            var conflicted = PostmortemMerge.Merge(@base, local, wiki);
            var conflict = Assert.Single(conflicted.Conflicts);
            Assert.Equal("External.CustomerImpact", conflict.Id);
            Assert.Equal("Roughly 3,100 customers.", conflicted.Merged.External.CustomerImpact);
            Assert.Equal("Dana Ortiz", Assert.Single(conflicted.Merged.External.SignOffs).Reviewer);

            var target = SamplePostmortems.CheckoutOutage();
            PostmortemContent.CopyInto(merged.Merged, target);
            Assert.Equal("About 3,000 customers.", target.External.CustomerImpact);
        }

        [Fact]
        public void Protect_Postmortem_replaces_names_and_secrets_in_the_external_text_too()
        {
            var p = WithExternal(e => e.WhatHappened = "Priya Natarajan rotated the key AKIAIOSFODNN7EXAMPLE.");
            var options = new ProtectOptions();
            options.Names["Priya Natarajan"] = "an engineer";
            PostmortemProtector.Protect(p, options);
            Assert.Equal("an engineer rotated the key [REDACTED].", p.External.WhatHappened);
            Assert.Contains(("External.WhatHappened", p.External.WhatHappened), Fields.Of(p));
        }
    }
}
