using System;
using System.Linq;
using Postmortems.Merging;
using Postmortems.Privacy;
using Postmortems.Rendering;
using Postmortems.Serialization;
using Xunit;
using static Postmortems.Tests.RuleTestKit;

namespace Postmortems.Tests
{
    /// <summary>
    /// Named why-chains: an incident with several problems (GitLab's 2017-01-31 outage: why the data was deleted, why every
    /// backup failed) asks why about each, each chain under its own heading after the root cause's own.
    /// </summary>
    public class WhyChainTests
    {
        private const string Backups = "Backups failed";

        /// <summary>The checkout sample with the root cause's own four whys and two named chains.</summary>
        private static Postmortem WithChains()
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.WhyChains.AddRange(Backups, new[]
            {
                "Why did every backup fail? pg_dump 9.2 ran against a 9.6 server and exited with an error.",
                "Why was the error not seen? The failure e-mails were rejected by DMARC.",
                "Why did nobody notice no e-mail came? Nothing checked that a backup had been made.",
            });
            p.WhyChains.AddRange("Replication *lagged* [db2] #1", new[]
            {
                "Why did db2 lag? The write load spiked.",
                "Why did the spike stop replication? WAL segments were removed before db2 read them.",
                "Why were they removed? wal_keep_segments was left at its default of 32.",
            });
            return p;
        }

        private static Postmortem Copy(Postmortem p) => PostmortemYaml.Read(PostmortemYaml.Write(p), "copy.yaml").Postmortem;

        // ---- Model

        [Fact]
        public void The_first_why_for_a_name_makes_the_chain_and_a_name_in_other_case_adds_to_it()
        {
            var p = new Postmortem("Database deleted");
            p.WhyChains.Add("Backups failed", "Why did the backups fail? pg_dump 9.2 met a 9.6 server.  \r\n\r\n\r\nIt exited at once.  ");
            p.WhyChains.Add("  BACKUPS\n failed ", "Why was it not seen? The e-mails bounced.");
            p.WhyChains.Add("Data deleted", "Why was the data deleted? rm -rf ran on db1.");
            Assert.Equal(new[] { "Backups failed", "Data deleted" }, p.WhyChains.Names);
            Assert.Equal(new[] { "Why did the backups fail? pg_dump 9.2 met a 9.6 server.\n\nIt exited at once.", "Why was it not seen? The e-mails bounced." },
                p.WhyChains["backups FAILED"]!.Whys);
            Assert.Empty(p.Whys);
        }

        [Theory]
        [InlineData("")]
        [InlineData("  \n ")]
        public void A_chain_needs_a_name(string name)
        {
            var p = new Postmortem("Database deleted");
            var e = Assert.Throws<ArgumentException>(() => p.WhyChains.Add(name, "Why? Because."));
            Assert.Contains("needs a name", e.Message);
            Assert.Empty(p.WhyChains);
        }

        [Fact]
        public void A_blank_why_is_refused_and_nothing_of_its_batch_is_added()
        {
            var p = new Postmortem("Database deleted");
            Assert.Throws<ArgumentException>(() => p.WhyChains.AddRange(Backups, new[] { "Why? Because.", "   " }));
            Assert.Empty(p.WhyChains);
        }

        [Fact]
        public void A_chain_goes_with_its_last_why()
        {
            var p = WithChains();
            p.WhyChains.RemoveAt(Backups, 0);
            Assert.Equal(1, p.WhyChains.Remove(Backups, "Why was the error not seen? The failure e-mails were rejected by DMARC."));
            Assert.Equal(2, p.WhyChains.Count);
            p.WhyChains.RemoveAt(Backups, 0);
            Assert.Null(p.WhyChains[Backups]);
            Assert.Equal(new[] { "Replication *lagged* [db2] #1" }, p.WhyChains.Names);
            var e = Assert.Throws<ArgumentException>(() => p.WhyChains.RemoveAt(Backups, 0));
            Assert.Contains("no why-chain 'Backups failed'", e.Message);
            Assert.Contains("'Replication *lagged* [db2] #1'", e.Message);
        }

        [Fact]
        public void A_final_postmortem_refuses_every_change_to_its_chains()
        {
            var p = WithChains();
            p.State = DocumentState.Final;
            Assert.Throws<PostmortemStateException>(() => p.WhyChains.Add(Backups, "Why? Because."));
            Assert.Throws<PostmortemStateException>(() => p.WhyChains.Add("New chain", "Why? Because."));
            Assert.Throws<PostmortemStateException>(() => p.WhyChains.RemoveAt(Backups, 0));
            Assert.Throws<PostmortemStateException>(() => p.WhyChains.Replace(Backups, 0, "Why? Because."));
            Assert.Throws<PostmortemStateException>(() => p.WhyChains.Clear());
            Assert.Equal(3, p.WhyChains[Backups]!.Whys.Count);
        }

        [Fact]
        public void A_chains_heading_is_no_extra_section()
        {
            var p = new Postmortem("Database deleted");
            var e = Assert.Throws<ArgumentException>(() => p.Sections.Set("5 Whys: Backups failed", "text"));
            Assert.Contains("Add-Why -Chain 'Backups failed'", e.Message);
        }

        // ---- Rendering

        [Fact]
        public void Without_named_chains_the_document_is_as_it_was()
        {
            GoldenFile.AssertMatches("checkout-outage.md", PostmortemMarkdown.Render(SamplePostmortems.CheckoutOutage()));
            Assert.DoesNotContain("whyChains", PostmortemYaml.Write(SamplePostmortems.CheckoutOutage()));
        }

        [Fact]
        public void Each_chain_follows_the_root_causes_own_under_its_heading_numbered_from_one()
        {
            var markdown = PostmortemMarkdown.Render(WithChains());
            var own = markdown.IndexOf("### 5 Whys\n\n1. Why did checkout fail?", StringComparison.Ordinal);
            var backups = markdown.IndexOf("### 5 Whys: Backups failed\n\n1. Why did every backup fail? pg\\_dump 9.2 ran against a 9.6 server and exited with an error.\n"
                + "2. Why was the error not seen? The failure e-mails were rejected by DMARC.\n3. Why did nobody notice no e-mail came? Nothing checked that a backup had been made.\n\n", StringComparison.Ordinal);
            var replication = markdown.IndexOf("### 5 Whys: Replication \\*lagged\\* \\[db2\\] \\#1\n\n1. Why did db2 lag?", StringComparison.Ordinal);
            var factors = markdown.IndexOf("## Contributing Factors", StringComparison.Ordinal);
            Assert.True(own > 0 && own < backups && backups < replication && replication < factors, markdown);
        }

        [Fact]
        public void The_HTML_page_shows_each_chain_as_a_heading_and_an_ordered_list()
        {
            var html = PostmortemHtml.RenderFragment(WithChains(), timelineChart: false);
            Assert.Contains(">5 Whys: Backups failed</h3>\n<ol>\n<li>Why did every backup fail?", html);
            Assert.Contains(">5 Whys: Replication *lagged* [db2] #1</h3>", html);
        }

        // ---- Reading back

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Chains_come_back_from_Markdown_and_YAML(bool frontMatter)
        {
            var p = WithChains();
            var markdown = PostmortemMarkdownReader.Read(PostmortemMarkdown.Render(p, frontMatter), "t.md");
            Assert.Empty(markdown.Warnings);
            Assert.Equal(PostmortemDump.Of(p), PostmortemDump.Of(frontMatter ? markdown.Postmortem : WithId(markdown.Postmortem, p)));
            var yaml = PostmortemYaml.Write(p);
            Assert.Contains("whyChains:\n  - name: Backups failed\n    whys:\n      - Why did every backup fail?", yaml);
            Assert.Equal(PostmortemDump.Of(p), PostmortemDump.Of(PostmortemYaml.Read(yaml, "t.yaml").Postmortem));
        }

        // The page without front matter: the id and context are not on it.
        private static Postmortem WithId(Postmortem read, Postmortem original)
        {
            var copy = PostmortemYaml.Read(PostmortemYaml.Write(read).Replace("id: " + read.Id.ToString("D"), "id: " + original.Id.ToString("D")), "c.yaml").Postmortem;
            copy.Context = original.Context;
            return copy;
        }

        [Fact]
        public void A_draft_from_before_chains_reads_as_it_did_and_a_chain_without_whys_is_none()
        {
            var older = PostmortemYaml.Write(SamplePostmortems.CheckoutOutage());
            var read = PostmortemYaml.Read(older, "old.yaml");
            Assert.Empty(read.Warnings);
            Assert.Empty(read.Postmortem.WhyChains);
            Assert.Equal(4, read.Postmortem.Whys.Count);
            var empty = PostmortemYaml.Read(older.Replace("contributingFactors:", "whyChains:\n  - name: Backups failed\n    whys: []\ncontributingFactors:"), "t.yaml");
            Assert.Empty(empty.Postmortem.WhyChains);
        }

        [Fact]
        public void A_YAML_chain_twice_or_without_a_name_is_refused_at_its_line()
        {
            var yaml = PostmortemYaml.Write(WithChains());
            var twice = yaml.Replace("whyChains:\n", "whyChains:\n  - name: BACKUPS FAILED\n    whys: [x]\n");
            var e = Assert.Throws<PostmortemFormatException>(() => PostmortemYaml.Read(twice, "t.yaml"));
            Assert.Contains("'BACKUPS FAILED' is there twice", e.Message);
            Assert.NotNull(e.Line);
            var nameless = yaml.Replace("  - name: Backups failed\n    whys:", "  - whys:");
            Assert.Contains("has no 'name:'", Assert.Throws<PostmortemFormatException>(() => PostmortemYaml.Read(nameless, "t.yaml")).Message);
        }

        private static string Page(Postmortem p) =>
            PostmortemMarkdown.Render(p, new MarkdownOptions { TitleHeading = false, TimelineChart = true, UnbreakableDates = true });

        [Fact]
        public void A_chain_a_reviewer_adds_to_the_page_and_an_item_they_edit_come_back_and_merge_into_the_draft()
        {
            var published = WithChains();
            var local = Copy(published);
            local.Whys.Add("Why did no one check the chain by hand? The rotation had been automated.");
            var page = Page(published)
                .Replace("3. Why did nobody notice no e-mail came? Nothing checked that a backup had been made.\n",
                         "3. Why did nobody notice no e-mail came? Nothing alerted when a day passed without a backup.\n")
                .Replace("## Contributing Factors", "### 5 Whys: Restore took 18 hours\n\n1. Why so long? The only copy was an LVM snapshot on staging.\n2. Why there? Nobody had tested a restore from S3.\n\n## Contributing Factors");
            var read = PostmortemMarkdownReader.Read(page, "BookStack page 42", published.Title);
            Assert.Empty(read.Warnings);
            Assert.Equal(new[] { Backups, "Replication *lagged* [db2] #1", "Restore took 18 hours" }, read.Postmortem.WhyChains.Names);

            var result = PostmortemMerge.Merge(published, local, read.Postmortem, wikiColumns: read.Columns);
            Assert.Empty(result.Conflicts);
            var merged = result.Merged;
            Assert.Equal(5, merged.Whys.Count);
            Assert.Equal("Why did nobody notice no e-mail came? Nothing alerted when a day passed without a backup.", merged.WhyChains[Backups]!.Whys[2]);
            Assert.Equal(new[] { "Why so long? The only copy was an LVM snapshot on staging.", "Why there? Nobody had tested a restore from S3." },
                merged.WhyChains["Restore took 18 hours"]!.Whys);
            Assert.Contains(result.TakenFromWiki, c => c.Section == "5 Whys: Restore took 18 hours" && c.Description.StartsWith("added", StringComparison.Ordinal));
        }

        [Fact]
        public void Text_under_a_chains_heading_outside_its_list_is_warned_of_and_a_chain_twice_on_the_page_is_an_error()
        {
            var page = Page(WithChains());
            var prose = PostmortemMarkdownReader.Read(page.Replace("### 5 Whys: Backups failed\n\n", "### 5 Whys: Backups failed\n\nThe backups never ran.\n\n"), "page", "t");
            Assert.Contains(prose.Warnings, w => w.Contains("why-chain 'Backups failed'") && w.Contains("'The backups never ran.'"));
            Assert.Equal(3, prose.Postmortem.WhyChains[Backups]!.Whys.Count);

            var twice = page.Replace("## Contributing Factors", "### 5 Whys: backups failed\n\n1. Why? Because.\n\n## Contributing Factors");
            var e = Assert.Throws<PostmortemFormatException>(() => PostmortemMarkdownReader.Read(twice, "page", "t"));
            Assert.Contains("'Backups failed' is there twice", e.Message);
            Assert.NotNull(e.Line);
        }

        [Fact]
        public void A_chain_named_without_letters_stays_a_chain_and_the_root_causes_own_stays_its_own()
        {
            var p = new Postmortem("Odd names");
            p.Whys.Add("Why? The root cause's own.");
            p.WhyChains.Add("---", "Why? A chain named with dashes.");
            p.WhyChains.Add(":", "Why? A chain named with a colon.");
            var back = PostmortemMarkdownReader.Read(PostmortemMarkdown.Render(p), "t.md").Postmortem;
            Assert.Equal(new[] { "Why? The root cause's own." }, back.Whys);
            Assert.Equal(new[] { "---", ":" }, back.WhyChains.Names);
        }

        // ---- Merge

        [Fact]
        public void Chains_pair_by_name_and_their_whys_merge_as_the_root_causes_own()
        {
            var published = WithChains();
            var local = Copy(published);
            var wiki = Copy(published);
            local.WhyChains.Replace(Backups, 1, "Why was the error not seen? DMARC rejected the failure e-mails.");
            wiki.WhyChains.Replace(Backups, 1, "Why was the error not seen? The cron e-mails bounced.");
            local.WhyChains.Add("Local only", "Why? The draft asked.");
            // The draft removed a chain the wiki left alone: it is gone.
            for (int i = 0; i < 3; i++) local.WhyChains.RemoveAt("Replication *lagged* [db2] #1", 0);
            wiki.WhyChains.Add("Wiki only", "Why? A reviewer asked.");

            var result = PostmortemMerge.Merge(published, local, wiki);
            var conflict = Assert.Single(result.Conflicts);
            Assert.Equal("WhyChains['Backups failed'].Whys['Why was the error not seen? The failure e-mails were rejected by DMARC.']", conflict.Id);
            Assert.Equal("5 Whys: Backups failed", conflict.Section);
            Assert.Equal(new[] { Backups, "Local only", "Wiki only" }, result.Merged.WhyChains.Names);

            var resolved = PostmortemMerge.Merge(published, local, wiki, resolutions: new System.Collections.Generic.Dictionary<string, MergeSide> { [conflict.Id] = MergeSide.Wiki });
            Assert.Empty(resolved.Conflicts);
            Assert.Equal("Why was the error not seen? The cron e-mails bounced.", resolved.Merged.WhyChains[Backups]!.Whys[1]);
        }

        [Fact]
        public void A_merge_into_the_draft_object_replaces_its_chains()
        {
            var target = WithChains();
            var source = SamplePostmortems.CheckoutOutage();
            source.WhyChains.Add("Only this", "Why? Because.");
            PostmortemContent.CopyInto(source, target);
            Assert.Equal(new[] { "Only this" }, target.WhyChains.Names);
        }

        // ---- Rules

        [Fact]
        public void FiveWhysDepth_judges_each_chain_and_names_it()
        {
            var p = WithChains();
            p.WhyChains.RemoveAt(Backups, 2);
            var finding = Assert.Single(Check(p, "FiveWhysDepth"));
            Assert.Equal("WhyChains['Backups failed']", finding.Target);
            Assert.Equal("The why-chain 'Backups failed' has only 2 whys; stopping early usually lands on a symptom or a person.", finding.Message);
            Assert.Contains("Add-Why -Chain 'Backups failed'", finding.Suggestion);
        }

        [Fact]
        public void FiveWhysDepth_keeps_its_message_for_the_root_causes_own_chain_and_lets_named_chains_stand_alone()
        {
            var p = Sample(x => x.Whys.RemoveAt(3));
            p.Whys.RemoveAt(2);
            var own = Assert.Single(Check(p, "FiveWhysDepth"));
            Assert.Equal(("Whys", "The root cause has only 2 whys; stopping early usually lands on a symptom or a person."), (own.Target, own.Message));

            var none = Sample(x => x.Whys.Clear());
            Assert.Equal("The root cause has no 5-whys chain; stopping early usually lands on a symptom or a person.", Assert.Single(Check(none, "FiveWhysDepth")).Message);

            // GitLab's way: Problem 1 and Problem 2, each its own chain, and none for the root cause alone.
            var named = WithChains();
            named.Whys.Clear();
            Assert.Empty(Check(named, "FiveWhysDepth"));
        }

        [Fact]
        public void FiveWhysEndsInSystem_judges_the_last_why_of_each_chain()
        {
            var p = WithChains();
            p.WhyChains.Add(Backups, "Why was no check added? The engineer forgot to add it.");
            var finding = Assert.Single(Check(p, "FiveWhysEndsInSystem"));
            Assert.Equal("WhyChains['Backups failed'].Whys[3]", finding.Target);
            Assert.StartsWith("The why-chain 'Backups failed' ends on a person: its last why has", finding.Message);

            var own = Sample(x => x.Whys.Add("Why was it not caught? The engineer forgot to check the chain."));
            Assert.StartsWith("The 5-whys chain ends on a person: the last why has", Assert.Single(Check(own, "FiveWhysEndsInSystem")).Message);
        }

        [Fact]
        public void The_tone_rules_read_every_why_of_every_chain()
        {
            var p = WithChains();
            p.WhyChains.Add(Backups, "Why was it not caught? Unfortunately the alert was missing.");
            Assert.Contains(Check(p, "Hedging"), d => d.Target == "WhyChains['Backups failed'].Whys[3]");
        }

        // ---- Protect and the secret scan

        [Fact]
        public void Protect_replaces_addresses_and_secrets_in_chains_and_the_scan_finds_them_there()
        {
            var p = WithChains();
            p.WhyChains.Add(Backups, "Why was the token in the log? It was token=ghp_0123456789abcdefghijklmnopqrstuvwxyzAB, mailed to ops@example.com.");
            p.WhyChains.Add("Leak of ghp_0123456789abcdefghijklmnopqrstuvwxyzAB", "Why? Because.");
            var found = SecretScanner.Scan(p).Select(f => f.Field).ToList();
            Assert.Contains("WhyChains['Backups failed'].Whys[3]", found);
            Assert.Contains("WhyChains['Leak of ghp_0123456789abcdefghijklmnopqrstuvwxyzAB'].Name", found);

            PostmortemProtector.Protect(p, new ProtectOptions { EmailAddresses = true });
            Assert.Empty(SecretScanner.Scan(p));
            var why = p.WhyChains[Backups]!.Whys[3];
            Assert.DoesNotContain("ghp_", why);
            Assert.Contains(PostmortemProtector.EmailMask, why);
            Assert.Equal(3, p.WhyChains.Count);
            Assert.DoesNotContain("ghp_", p.WhyChains[2].Name);
        }
    }
}
