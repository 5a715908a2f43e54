using System;
using System.Linq;
using Postmortems.Privacy;
using Xunit;

namespace Postmortems.Tests
{
    /// <summary>The internal-detail scanner, kind by kind: what a customer-facing text must not show, and what it may.</summary>
    public class InternalDetailTests
    {
        private static InternalDetail Single(string text, InternalDetailKind kind, Postmortem? source = null, InternalDetailOptions? options = null)
        {
            var found = InternalDetails.Find(text, source, options);
            Assert.True(found.Count == 1, $"expected one finding in '{text}', got: {string.Join("; ", found)}");
            Assert.Equal(kind, found[0].Kind);
            Assert.Equal(found[0].Value, text.Substring(found[0].Start, found[0].Length));
            return found[0];
        }

        private static void None(string text, Postmortem? source = null, InternalDetailOptions? options = null)
        {
            var found = InternalDetails.Find(text, source, options);
            Assert.True(found.Count == 0, $"expected nothing in '{text}', got: {string.Join("; ", found)}");
        }

        [Theory]
        [InlineData("The data directory on db1.cluster.gitlab.com was removed.", "db1.cluster.gitlab.com")]
        [InlineData("Replication from db1 stopped.", "db1")]
        [InlineData("Requests to web-03 timed out.", "web-03")]
        [InlineData("The pod api-7d9f8b6c4-x2x9z restarted.", "api-7d9f8b6c4-x2x9z")]
        [InlineData("Writes to redis.prod.svc.cluster.local failed.", "redis.prod.svc.cluster.local")]
        [InlineData("The resolver ns.corp stopped answering.", "ns.corp")]
        [InlineData("We failed over to db2.staging.", "db2.staging")]
        public void Host_names_that_read_as_internal_machines_are_found(string text, string host)
        {
            var found = Single(text, InternalDetailKind.Hostname);
            Assert.Equal(host, found.Value);
            Assert.Contains("internal server", found.Reason);
        }

        [Theory]
        [InlineData("We upgraded to v1.2.3 and then 13.8 of the runner.")]
        [InlineData("From 14:02 to 15:30 UTC, 99.95% of requests succeeded, e.g. pushes, i.e. most traffic.")]
        [InlineData("Customers on Node.js and ASP.NET saw no change.")]
        [InlineData("The us-east-1 region and HTTP2, IPv6 and S3 traffic were affected; p99 latency rose.")]
        [InlineData("See README.md and docs.gitlab.com for details; GitLab.com is back.")]
        [InlineData("A tier-1 provider in mid-2023 saw the same covid-19 era traffic.")]
        public void Ordinary_customer_prose_has_no_host_names(string text) => None(text);

        [Fact]
        public void A_host_the_internal_postmortem_names_is_found_even_when_its_name_looks_public()
        {
            var source = new Postmortem("Checkout down");
            source.RootCause = "The dashboards on grafana.acme.io showed the pool on pgbouncer.acme.io exhausted.";
            var found = Single("We saw it on grafana.acme.io first.", InternalDetailKind.Hostname, source);
            Assert.Equal("grafana.acme.io", found.Value);
        }

        [Fact]
        public void A_public_host_from_the_options_is_fine_and_its_numbered_subdomains_are_not()
        {
            var options = new InternalDetailOptions();
            options.PublicHosts.Add("https://gitlab.com/");
            None("GitLab.com and status.gitlab.com were slow.", null, options);
            Single("db1.cluster.gitlab.com was slow.", InternalDetailKind.Hostname, null, options);
        }

        [Theory]
        [InlineData("Traffic from 10.0.3.17 stopped.", "10.0.3.17")]
        [InlineData("The node at fe80::1ff:fe23:4567:890a dropped out.", "fe80::1ff:fe23:4567:890a")]
        public void IP_addresses_are_found(string text, string address) =>
            Assert.Equal(address, Single(text, InternalDetailKind.IPAddress).Value);

        [Fact]
        public void Times_versions_and_public_resolvers_are_no_IP_addresses() =>
            None("At 14:02:33 we released version 1.2.3.4; 1.1.1.1 answered throughout.");

        [Fact]
        public void E_mail_addresses_are_found() =>
            Assert.Equal("oncall@acme.io", Single("Mail oncall@acme.io if it recurs.", InternalDetailKind.EmailAddress).Value);

        [Fact]
        public void The_linear_e_mail_search_finds_what_the_old_pattern_found()
        {
            // Protect-Postmortem's pattern as it was: the new search must find the same addresses, only without trying every start.
            var old = new System.Text.RegularExpressions.Regex(@"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b");
            var random = new Random(20);
            const string alphabet = "ab1.@-_+% éZ.co";
            for (int i = 0; i < 20_000; i++)
            {
                var chars = new char[random.Next(1, 30)];
                for (int j = 0; j < chars.Length; j++) chars[j] = alphabet[random.Next(alphabet.Length)];
                var text = new string(chars);
                var expected = old.Matches(text).Select(m => (m.Index, m.Length));
                var actual = ContactAddresses.Emails(text).Select(m => (m.Index, m.Length));
                Assert.True(expected.SequenceEqual(actual), $"'{text}': expected {string.Join(",", expected)}, got {string.Join(",", actual)}");
            }
        }

        [Fact]
        public void Secrets_are_found_with_the_secret_scanner()
        {
            var found = Single("The token ghp_abcdefghijklmnopqrstuvwxyz0123456789 leaked.", InternalDetailKind.Secret);
            Assert.Contains("GitHub token", found.Reason);
        }

        [Fact]
        public void People_the_postmortem_names_are_found_by_full_and_first_name_whatever_the_case()
        {
            var source = new Postmortem("Orders stalled");
            source.Authors.Add("Priya Natarajan");
            source.Reviewers.Add("Marcus Lee");
            source.ActionItems.Add(new ActionItem("Add a disk alert") { Owner = "platform team" });
            var found = InternalDetails.Find("priya natarajan and Marcus found it; the platform team fixed it.", source);
            Assert.Equal(new[] { "priya natarajan", "Marcus" }, found.Select(f => f.Value));
            Assert.All(found, f => Assert.Equal(InternalDetailKind.Person, f.Kind));
        }

        [Fact]
        public void A_first_name_that_is_also_a_word_is_found_only_as_a_name()
        {
            var options = new InternalDetailOptions();
            options.People.Add("Will Turner");
            Assert.Equal("Will", Single("We will add an alert; Will wrote it.", InternalDetailKind.Person, null, options).Value);
        }

        [Fact]
        public void Handles_are_people_and_npm_scopes_are_not()
        {
            Assert.Equal("@yp", Single("Thanks to @yp for the fix.", InternalDetailKind.Person).Value);
            None("Installs of @types/node failed.");
        }

        [Theory]
        [InlineData("We removed /var/opt/gitlab/postgresql/data by mistake.", "/var/opt/gitlab/postgresql/data")]
        [InlineData(@"The log in C:\ProgramData\Acme\agent.log grew.", @"C:\ProgramData\Acme\agent.log")]
        [InlineData("A change to config/gitlab.rb turned it off.", "config/gitlab.rb")]
        public void File_paths_are_found(string text, string path) =>
            Assert.Equal(path, Single(text, InternalDetailKind.FilePath).Value);

        [Fact]
        public void Slashes_in_prose_and_API_routes_are_no_file_paths() =>
            None("Read/write and/or 24/7 access via TCP/IP; calls to /api/v4/projects failed.");

        [Theory]
        [InlineData("We coordinated in #incident-123.", "#incident-123")]
        [InlineData("Ask in #ops.", "#ops")]
        public void Chat_channels_are_found(string text, string channel) =>
            Assert.Equal(channel, Single(text, InternalDetailKind.ChatChannel).Value);

        [Fact]
        public void Issue_numbers_colours_and_hashtags_are_no_channels() => None("See issue #1234; the banner is #fff; C# and F# clients.");

        [Theory]
        [InlineData("Follow-up work is tracked in OPS-42.", "OPS-42")]
        [InlineData("Follow-up: INC0012345.", "INC0012345")]
        public void Ticket_keys_are_found(string text, string key) =>
            Assert.Equal(key, Single(text, InternalDetailKind.TicketKey).Value);

        [Fact]
        public void Standards_and_vulnerabilities_are_no_tickets() =>
            None("We patched CVE-2021-44228, moved to SHA-256 and UTF-8, and met ISO-27001 in the US-EAST-1 region.");

        [Theory]
        [InlineData("An engineer ran rm -rf /var/opt/gitlab/postgresql/data on the wrong host.", "rm -rf /var/opt/gitlab/postgresql/data")]
        [InlineData("We ran kubectl rollout restart deploy/api.", "kubectl rollout restart deploy/api")]
        [InlineData("Then sudo systemctl restart nginx fixed it.", "sudo systemctl restart nginx")]
        [InlineData("We ran DELETE FROM users WHERE id = 5 by mistake.", "DELETE FROM users WHERE id = 5")]
        public void Commands_are_found(string text, string command) =>
            Assert.Equal(command, Single(text, InternalDetailKind.Command).Value);

        [Fact]
        public void Commands_customers_run_in_prose_are_fine() =>
            None("Git push and git clone operations failed, docker pull requests timed out, and kubectl commands were slow. Please select from the list and delete from your dashboard.");

        [Theory]
        [InlineData("Run `npm install` again, or clear your package manager's cache.")]
        [InlineData("If pushes fail, run `git fetch --prune` and try again; you can also use git push --force-with-lease.")]
        [InlineData("Customers who see errors should run docker pull --platform linux/amd64 again.")]
        public void Advice_to_customers_to_run_a_command_is_fine(string text) => None(text);

        [Theory]
        [InlineData("We ran git push --force to the release branch by mistake.", "git push --force")]
        [InlineData("An engineer ran curl -X DELETE on the wrong index.", "curl -X DELETE")]
        [InlineData("The job ran `mysql -e 'DELETE FROM orders WHERE created < now()' shop` twice.", "mysql -e 'DELETE FROM orders WHERE created < now()' shop")]
        [InlineData("PowerShell: Restart-Service -Name W3SVC -Force on WEB01.", "Restart-Service -Name W3SVC -Force")]
        [InlineData("The team ran s3-capacity remove --subsystem billing --count 40 from the playbook.", "s3-capacity remove --subsystem billing --count 40")]
        public void Commands_as_an_operator_typed_them_are_found(string text, string command) =>
            Assert.Contains(InternalDetails.Find(text, null), f => f.Kind == InternalDetailKind.Command && f.Value == command);

        [Theory]
        [InlineData("WEB01 and SQL-03 ran out of memory.", "WEB01", "SQL-03")]
        public void Machines_numbered_with_a_leading_zero_are_hosts_in_any_case(string text, string first, string second) =>
            Assert.Equal(new[] { first, second }, InternalDetails.Find(text, null).Where(f => f.Kind == InternalDetailKind.Hostname).Select(f => f.Value));

        [Fact]
        public void Teams_as_owners_are_no_people()
        {
            var source = new Postmortem("Checkout down");
            source.ActionItems.Add(new ActionItem("Add an alert") { Owner = "observability" });
            source.ActionItems.Add(new ActionItem("Fix the chain") { Owner = "Payments" });
            source.ActionItems.Add(new ActionItem("Update the runbook") { Owner = "payments SRE" });
            source.ActionItems.Add(new ActionItem("Review the change") { Owner = "Grace" });
            var found = InternalDetails.Find("Observability and Payments were degraded; payments SRE and Grace fixed it.", source);
            Assert.Equal(new[] { "Grace" }, found.Select(f => f.Value));
        }

        [Fact]
        public void Chat_authors_and_mentions_in_the_timeline_are_people_and_bots_are_not()
        {
            var source = new Postmortem("Orders stalled");
            var at = new DateTime(2026, 11, 20, 9, 21, 0, DateTimeKind.Utc);
            source.Timeline.Add(new TimelineEvent(at, "Tomasz Nowak: restarting the consumer, @Ingrid can you watch the queue?", source: "slack"));
            source.Timeline.Add(new TimelineEvent(at.AddMinutes(1), "PagerDuty: Orders backlog alert resolved", source: "slack"));
            var found = InternalDetails.Find("Tomasz and ingrid restored the queue; PagerDuty paged the on-call engineer.", source);
            Assert.Equal(new[] { "Tomasz", "ingrid" }, found.Select(f => f.Value));
        }

        [Fact]
        public void Initials_that_act_in_the_timeline_are_a_person_and_acronyms_are_not()
        {
            var source = new Postmortem("Database removed");
            var at = new DateTime(2017, 1, 31, 23, 0, 0, DateTimeKind.Utc);
            source.Timeline.Add(new TimelineEvent(at, "YP thinks pg_basebackup objects to a data directory that is not empty."));
            source.Timeline.Add(new TimelineEvent(at.AddMinutes(1), "DNS fails for the API. CPU spikes on the primary."));
            var found = InternalDetails.Find("YP stopped it; DNS and CPU were fine, and yp is not matched in lower case.", source);
            Assert.Equal(new[] { "YP" }, found.Select(f => f.Value));
        }

        [Fact]
        public void Public_accounts_are_no_person_s_handle() => None("Follow @githubstatus or ask @AWSSupport for updates.");

        [Fact]
        public void A_postmortem_changed_between_checks_is_read_again()
        {
            var source = new Postmortem("Orders stalled");
            source.Authors.Add("Priya Natarajan");
            const string text = "Priya and Marcus restored it on db7.";
            Assert.Equal(new[] { "Priya" }, InternalDetails.Find(text, source).Where(f => f.Kind == InternalDetailKind.Person).Select(f => f.Value));
            source.Reviewers.Add("Marcus Lee");
            Assert.Equal(new[] { "Priya", "Marcus" }, InternalDetails.Find(text, source).Where(f => f.Kind == InternalDetailKind.Person).Select(f => f.Value));
            var options = new InternalDetailOptions();
            options.PublicHosts.Add("example.com");
            source.RootCause = "The docs on docs.example.com were stale.";
            Assert.Empty(InternalDetails.Find("See docs.example.com.", source, options));
            options.PublicHosts.Clear();
            Assert.Single(InternalDetails.Find("See docs.example.com.", source, options));
        }

        // ---- Unicode.

        [Fact]
        public void Names_with_accents_are_found_whatever_their_case()
        {
            var options = new InternalDetailOptions();
            options.People.Add("José Müller");
            options.People.Add("Zoë Ødegård");
            var found = InternalDetails.Find("JOSÉ MÜLLER and josé found it; zoë ødegård confirmed.", null, options);
            Assert.Equal(new[] { "JOSÉ MÜLLER", "josé", "zoë ødegård" }, found.Select(f => f.Value));
        }

        [Fact]
        public void A_name_inside_a_longer_word_is_not_a_name()
        {
            var options = new InternalDetailOptions();
            options.People.Add("Ana Lima");
            None("The banana analysis and Limassol were fine.", null, options);
        }

        [Fact]
        public void Hosts_and_names_in_text_without_spaces_are_found()
        {
            var options = new InternalDetailOptions();
            options.People.Add("Priya Natarajan");
            var found = InternalDetails.Find("服务器db1出现故障，Priya处理了。", null, options);
            Assert.Equal(new[] { (InternalDetailKind.Hostname, "db1"), (InternalDetailKind.Person, "Priya") }, found.Select(f => (f.Kind, f.Value)));
        }

        [Fact]
        public void A_host_glued_to_a_word_of_a_spaced_script_is_part_of_that_word() => None("Le café1 et naïve2 sont des mots.");

        [Fact]
        public void Offsets_count_UTF16_units_so_text_before_an_emoji_keeps_them_right()
        {
            var text = "🔥 Outage: 😀 db1 failed at 10.0.0.7 — sorry";
            var found = InternalDetails.Find(text, null);
            Assert.Equal(new[] { "db1", "10.0.0.7" }, found.Select(f => f.Value));
            Assert.All(found, f => Assert.Equal(f.Value, text.Substring(f.Start, f.Length)));
        }

        // ---- Hostile input: every finder is linear or behind a timeout, so no text makes a check slow.

        public static TheoryData<string, string> HostileTexts() => new TheoryData<string, string>
        {
            { "one 1 MB line of letters", new string('a', 1 << 20) },
            { "one 1 MB line of dotted labels", string.Concat(Enumerable.Repeat("a1.", 350_000)) },
            { "slashes", string.Concat(Enumerable.Repeat("/a", 500_000)) },
            { "at signs", string.Concat(Enumerable.Repeat("a@", 500_000)) },
            { "e-mail-like local parts", new string('a', 500_000) + "@" + string.Concat(Enumerable.Repeat("b.", 200_000)) },
            { "colons", string.Concat(Enumerable.Repeat("1a:", 350_000)) },
            { "hashes", string.Concat(Enumerable.Repeat("#a-", 350_000)) },
            { "ticket-like", string.Concat(Enumerable.Repeat("AB-1", 250_000)) },
            { "backticks", string.Concat(Enumerable.Repeat("`sudo ", 170_000)) },
            { "a command that never ends", "kubectl get " + new string('x', 1 << 20) },
            { "SQL without FROM", "SELECT " + string.Concat(Enumerable.Repeat("a ", 500_000)) },
            { "dashes", string.Concat(Enumerable.Repeat("a-", 500_000)) },
            { "long options", "tool" + string.Concat(Enumerable.Repeat(" --a b", 170_000)) },
            { "quotes in a command", "kubectl get '" + string.Concat(Enumerable.Repeat("a '", 300_000)) },
            { "a URL without end", "https://" + string.Concat(Enumerable.Repeat("a.", 500_000)) },
            { "backslashes", @"C:\" + string.Concat(Enumerable.Repeat(@"a\", 350_000)) },
            { "many lines of prose", string.Concat(Enumerable.Repeat("We restored service at 14:02 UTC; 99.9% of requests succeeded.\n", 20_000)) },
        };

        [Theory]
        [MemberData(nameof(HostileTexts))]
        public void Hostile_text_is_checked_in_time(string what, string text)
        {
            var source = new Postmortem("Hostile");
            source.Authors.Add("Priya Natarajan");
            source.RootCause = "db1 and grafana.acme.io";
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var found = InternalDetails.Find(text, source);
            watch.Stop();
            // Seconds at most, where a backtracking pattern takes minutes (the old e-mail pattern took five on one of these).
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"{what}: {watch.Elapsed.TotalSeconds:F1} s, {found.Count} finding(s)");
        }
    }
}
