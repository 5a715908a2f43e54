using System;
using System.Linq;
using Postmortems.Privacy;
using Postmortems.Rules;
using Xunit;

namespace Postmortems.Tests
{
    public class ReviewTests
    {
        private static readonly DateTime Now = new DateTime(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc);

        private static Postmortem Work()
        {
            var p = SamplePostmortems.CheckoutOutage();   // Work context, reviewer Marcus Lee, no findings
            p.Reviewers.Clear();
            return p;
        }

        [Fact]
        public void A_work_postmortem_goes_draft_review_approve_final_and_every_reviewer_must_approve()
        {
            var p = Work();
            Assert.Equal(DocumentState.Draft, p.State);
            PostmortemReview.Submit(p, new[] { "Marcus Lee", "Dana Okafor" });
            Assert.Equal(DocumentState.InReview, p.State);
            PostmortemReview.Approve(p, "Marcus Lee", Now, "Looks right");
            var waiting = Assert.Throws<PostmortemStateException>(() => PostmortemReview.Complete(p, Array.Empty<DiagnosticRecord>(), force: false));
            Assert.Contains("'Dana Okafor'", waiting.Message);
            PostmortemReview.Approve(p, "dana okafor", Now.AddHours(1));
            PostmortemReview.Complete(p, Array.Empty<DiagnosticRecord>(), force: false);
            Assert.Equal(DocumentState.Final, p.State);
            Assert.True(p.IsLocked);
            Assert.Equal(new[] { "Marcus Lee", "Dana Okafor" }, p.SignOffs.Select(s => s.Reviewer));
            Assert.Equal(Now, p.SignOffs[0].Date);
        }

        [Fact]
        public void A_homelab_postmortem_is_finalized_by_its_author_from_a_draft()
        {
            var p = Work();
            p.Context = IncidentContext.Homelab;
            PostmortemReview.Complete(p, Array.Empty<DiagnosticRecord>(), force: false);
            Assert.Equal(DocumentState.Final, p.State);
        }

        [Fact]
        public void Refused_moves_say_why_and_what_to_do()
        {
            var p = Work();
            Assert.Contains("names no reviewer", Assert.Throws<PostmortemStateException>(() => PostmortemReview.Submit(p, null)).Message);
            Assert.Contains("Submit-PostmortemReview", Assert.Throws<PostmortemStateException>(() => PostmortemReview.Approve(p, "Marcus Lee", Now)).Message);
            Assert.Contains("has not been reviewed", Assert.Throws<PostmortemStateException>(() => PostmortemReview.Complete(p, Array.Empty<DiagnosticRecord>(), false)).Message);
            PostmortemReview.Submit(p, new[] { "Marcus Lee" });
            Assert.Contains("is not a reviewer", Assert.Throws<PostmortemStateException>(() => PostmortemReview.Approve(p, "Eve", Now)).Message);
            Assert.Contains("is not a rule", Assert.Throws<PostmortemStateException>(() => PostmortemReview.Approve(p, "Marcus Lee", Now, acknowledgedRules: new[] { "NoSuchRule" })).Message);
            Assert.Contains("nothing to unlock", Assert.Throws<PostmortemStateException>(() => PostmortemReview.Unlock(p, "why", Now)).Message);
            PostmortemReview.Approve(p, "Marcus Lee", Now);
            PostmortemReview.Complete(p, Array.Empty<DiagnosticRecord>(), false);
            Assert.Contains("final already", Assert.Throws<PostmortemStateException>(() => PostmortemReview.Complete(p, Array.Empty<DiagnosticRecord>(), false)).Message);
            Assert.Contains("locked", Assert.Throws<PostmortemStateException>(() => PostmortemReview.Submit(p, null)).Message);
            Assert.Contains("final already", Assert.Throws<PostmortemStateException>(() => PostmortemReview.Approve(p, "Marcus Lee", Now)).Message);
        }

        [Theory]
        [InlineData("Marcus Le", "Marcus Lee")]      // a letter short
        [InlineData("marcsu lee", "Marcus Lee")]     // two letters swapped, case ignored
        [InlineData("Marcus", "Marcus Lee")]         // first name alone
        [InlineData("Okafor", "Dana Okafor")]        // last name alone
        [InlineData("Dana Okafro", "Dana Okafor")]
        [InlineData("Eve", null)]                    // nobody close
        [InlineData("Mark Lewis", null)]
        public void An_approval_by_someone_not_named_suggests_the_reviewer_it_was_meant_for(string given, string? meant)
        {
            var p = Work();
            PostmortemReview.Submit(p, new[] { "Marcus Lee", "Dana Okafor" });
            Assert.Equal(meant, PostmortemReview.ClosestReviewer(p.Reviewers, given));
            var refused = Assert.Throws<PostmortemStateException>(() => PostmortemReview.Approve(p, given, Now)).Message;
            Assert.StartsWith($"{given} is not a reviewer of '{p.Title}'", refused);
            if (meant is null)
            {
                Assert.DoesNotContain("did you mean", refused);
                Assert.Contains($"Submit-PostmortemReview -Reviewer '{given}'", refused);
            }
            else
            {
                Assert.Contains($"did you mean {meant}? Approve-Postmortem -Reviewer '{meant}'", refused);
                Assert.True(refused.IndexOf("Approve-Postmortem", StringComparison.Ordinal) < refused.IndexOf("Submit-PostmortemReview", StringComparison.Ordinal));
            }
            Assert.Empty(p.SignOffs);
        }

        [Fact]
        public void No_reviewer_is_suggested_when_two_are_equally_close()
        {
            Assert.Null(PostmortemReview.ClosestReviewer(new[] { "Dana Okafor", "Dana Lee" }, "Dana"));
            Assert.Null(PostmortemReview.ClosestReviewer(new[] { "Ann Lee", "Ben Lee" }, "Cn Lee"));
        }

        [Fact]
        public void An_approval_with_errors_outstanding_is_told_how_many_and_which()
        {
            var p = Work();
            PostmortemReview.Submit(p, new[] { "Marcus Lee" });
            Assert.Null(PostmortemReview.ErrorsAtApproval(p, RuleTestKit.Check(p)));
            p.RootCause = "Human error.";
            p.ExecutiveSummary = null;
            var errors = RuleTestKit.Check(p).Where(f => f.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count >= 2);
            var warning = PostmortemReview.ErrorsAtApproval(p, RuleTestKit.Check(p));
            Assert.StartsWith($"'{p.Title}' still has {errors.Count} errors from Test-Postmortem ({errors[0].RuleName} at {errors[0].Target}", warning);
            Assert.Contains("Complete-Postmortem will not make it final", warning);
        }

        [Fact]
        public void Errors_stop_completion_unless_forced()
        {
            var p = Work();
            p.Context = IncidentContext.Homelab;
            p.RootCause = "Human error.";
            var findings = RuleTestKit.Check(p);
            Assert.Contains("BlamelessLanguage at RootCause", Assert.Throws<PostmortemStateException>(() => PostmortemReview.Complete(p, findings, false)).Message);
            PostmortemReview.Complete(p, findings, force: true);
            Assert.Equal(DocumentState.Final, p.State);
        }

        [Fact]
        public void An_unlock_is_recorded_with_its_reason_and_reopens_the_review()
        {
            var p = Work();
            p.Context = IncidentContext.Homelab;
            PostmortemReview.Complete(p, Array.Empty<DiagnosticRecord>(), false);
            var unlock = PostmortemReview.Unlock(p, "Corrected the detection time", Now);
            Assert.Equal(DocumentState.InReview, p.State);
            Assert.Equal(("Corrected the detection time", Now), (unlock.Reason, unlock.Date));
            Assert.Single(p.Unlocks);
            Assert.Contains("-Reason", Assert.Throws<PostmortemStateException>(() =>
            {
                PostmortemReview.Complete(p, Array.Empty<DiagnosticRecord>(), false);
                PostmortemReview.Unlock(p, "  ", Now);
            }).Message);
        }

        [Fact]
        public void Review_rules_flag_errors_in_review_and_unacknowledged_warnings_when_final()
        {
            var inReview = Work();
            inReview.State = DocumentState.InReview;
            inReview.RootCause = "Human error.";
            var finding = Assert.Single(RuleTestKit.Check(inReview, nameof(ReviewWithErrors)));
            Assert.Contains("BlamelessLanguage", finding.Message);

            var final = Work();
            final.Reviewers.Add("Marcus Lee");
            final.ActionItems.Add(new ActionItem("Add more monitoring") { Owner = "x", DueDate = new DateTime(2026, 12, 1), Priority = ActionPriority.P3 });
            final.State = DocumentState.Final;
            Assert.Contains("VagueActionItem", Assert.Single(RuleTestKit.Check(final, nameof(FinalWarningsAcknowledged))).Message);
            final.SignOffs.Add(new SignOff("Marcus Lee", Now, acknowledgedRules: new[] { "VagueActionItem" }));
            Assert.Empty(RuleTestKit.Check(final, nameof(FinalWarningsAcknowledged)));
            Assert.Empty(RuleTestKit.Check(Work(), nameof(ReviewWithErrors)));
        }
    }

    public class SecretTests
    {
        [Theory]
        [InlineData("aws key AKIAIOSFODNN7EXAMPLE in the log", "AWS access key")]
        [InlineData("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AWS secret key")]
        [InlineData("token ghp_1234567890abcdefghijklmnopqrstuvwxyzAB leaked", "GitHub token")]
        [InlineData("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789", "GitHub token")]
        [InlineData("SLACK_BOT=xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp", "Slack token")]
        [InlineData("jwt eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "JWT")]
        [InlineData("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----", "private key")]
        [InlineData("connection password=hunter2 failed", "password")]
        [InlineData("Server=db;User Id=app;Password=S3cr3t!;", "password")]
        [InlineData("curl -H 'Authorization: Bearer abcdef0123456789abcdef0123456789'", "bearer token")]
        [InlineData("postgres://app:S3cr3t@db.internal:5432/app", "password in a URL")]
        [InlineData("VAULT_TOKEN=hvs.CAESIJ3kbJ8aZ0h9f0aZ0h9f0aZ0h9f0a", "Vault token")]
        [InlineData("export DB_PASSWORD=hunter2", "password")]
        [InlineData("POSTGRES_PASSWORD: Sup3rS3cret", "password")]
        [InlineData("redis://:hunter2@cache:6379", "password in a URL")]
        public void Common_secret_shapes_are_found(string text, string kind)
        {
            Assert.Contains(SecretScanner.Find(text), s => s.Kind == kind);
            Assert.Contains(SecretScanner.Redacted, SecretScanner.Redact(text));
        }

        [Theory]
        [InlineData("Rolled back to commit 3f2a7c1e9b4d4e8aa1c25d6e7f809a1b3c4d5e6f")]
        [InlineData("Request id 3f2a7c1e-9b4d-4e8a-a1c2-5d6e7f809a1b failed")]
        [InlineData("The password reset flow timed out")]
        [InlineData("password=*** (masked in the log)")]
        [InlineData("token: ${VAULT_TOKEN}")]
        [InlineData("Bearer tokens expired after the clock skew")]
        [InlineData("https://grafana.example.org/d/abc?orgId=1")]
        [InlineData("AKIA is the prefix of AWS access keys")]
        [InlineData("Secret: nothing was lost")]
        [InlineData("Health check pass: 3/3")]
        public void Look_alikes_are_not_secrets(string text)
        {
            Assert.Empty(SecretScanner.Find(text));
        }

        // What a red-team pass found missed or half redacted; every value is fake.
        [Theory]
        [InlineData("socket mode: connecting with xapp-1-A0FAKE12345-1234567890123-0123456789abcdef0123456789abcdef", "xapp-1-A0FAKE12345-1234567890123-0123456789abcdef0123456789abcdef")]
        [InlineData("-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBFAKEkeyMaterial0123\n=abcd\n-----END PGP PRIVATE KEY BLOCK-----", "lQOYBFAKEkeyMaterial0123")]
        [InlineData("DefaultEndpointsProtocol=https;AccountName=st1;AccountKey=RkFLRWFjY291bnRrZXkwMTIzNDU2Nzg5YWJjZGVm==;EndpointSuffix=core.windows.net", "RkFLRWFjY291bnRrZXkwMTIzNDU2Nzg5YWJjZGVm==")]
        [InlineData("Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=RkFLRXNoYXJlZGFjY2Vzc2tleTAxMjM0NTY3ODk=", "RkFLRXNoYXJlZGFjY2Vzc2tleTAxMjM0NTY3ODk=")]
        [InlineData("PGPASSWORD=FAKEpw_99 psql -h db -U app", "FAKEpw_99")]
        [InlineData("postgres://app:FAKE@pa:ss@db.internal:5432/app", "FAKE@pa:ss")]
        [InlineData("GET /dump.bak?sv=2022-11-02&sp=r&se=2026-11-21&sig=RkFLRXNpZ25hdHVyZTAx%2BMjM0NTY3%3D 403", "RkFLRXNpZ25hdHVyZTAx%2BMjM0NTY3%3D")]
        [InlineData("Authorization: Basic YWRtaW46RkFLRS1wYXNzLTk5", "YWRtaW46RkFLRS1wYXNzLTk5")]
        [InlineData("X-API-Key: FAKE8f7e6d5c4b3a29180716253443526170", "FAKE8f7e6d5c4b3a29180716253443526170")]
        [InlineData("geocoder 403 for key=AIzaSyFAKE-Ab3dEf6HiJk9LmN0pQrS2tUv4Wx9", "AIzaSyFAKE-Ab3dEf6HiJk9LmN0pQrS2tUv4Wx9")]
        [InlineData("STRIPE_SECRET_KEY=sk_live_FAKE0123456789abcdefABCD", "sk_live_FAKE0123456789abcdefABCD")]
        [InlineData("SENDGRID_API_KEY=SG.FAKEabcdefghijklmnop.qrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", "SG.FAKEabcdefghijklmnop.qrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")]
        [InlineData("{\"auths\": {\"registry.example.org\": {\"auth\": \"Y2k6RkFLRXBhc3M5OQ==\"}}}", "Y2k6RkFLRXBhc3M5OQ==")]
        [InlineData("mysql -uroot -pFAKEpw99 -h db shop", "FAKEpw99")]
        [InlineData("mysql -h db -u root --password=FAKEpw99 shop", "FAKEpw99")]
        [InlineData("docker login -u ci --password FAKEpw99 registry.example.org", "FAKEpw99")]
        [InlineData("curl -u admin:FAKEpw99 http://es-0:9200/_cluster/health", "FAKEpw99")]
        [InlineData("Password: correct horse battery staple", "correct horse battery staple")]
        public void Secrets_the_red_team_found_missed_are_redacted_whole(string text, string secret)
        {
            Assert.NotEmpty(SecretScanner.Find(text));
            var redacted = SecretScanner.Redact(text);
            // Whole: no six characters of it are left (postgres://app:[REDACTED]@pa:ss@db would leave "pa:ss@").
            for (int i = 0; i + 6 <= secret.Length; i++) Assert.DoesNotContain(secret.Substring(i, 6), redacted);
            Assert.Empty(SecretScanner.Find(redacted));
        }

        [Theory]
        [InlineData("The Secret: istio-ca-root-cert was rotated")]
        [InlineData("rate limiter token: 5 per second")]
        [InlineData("pwd: /var/lib/postgresql/data")]
        [InlineData("pwd=$(pwd)")]
        [InlineData("arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf")]
        [InlineData("password: {{ .Values.db.password }}")]
        [InlineData("Stripe::AuthenticationError: Invalid API Key provided: sk_live_****1234")]
        [InlineData("docker run -u 1000:1000 checkout:1.4.2")]
        public void Look_alikes_the_red_team_found_flagged_are_not_secrets(string text)
        {
            Assert.Empty(SecretScanner.Find(text));
        }

        [Fact]
        public void The_NoSecrets_rule_names_every_field_that_holds_one()
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.Timeline.Add(new TimelineEvent(new DateTime(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc), "Pasted: password=hunter2"));
            p.ActionItems[1].Tracking = "https://u:pw123@tracker.example/x";
            var findings = RuleTestKit.Check(p, nameof(NoSecrets));
            Assert.Equal(new[] { "Timeline[3]", "ActionItems[1].Tracking" }, findings.Select(f => f.Target));
            Assert.All(findings, f => Assert.Equal(DiagnosticSeverity.Error, f.Severity));
        }

        [Fact]
        public void Sign_off_comments_and_unlock_reasons_are_scanned_and_redacted()
        {
            var now = new DateTime(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc);
            var p = SamplePostmortems.CheckoutOutage();
            PostmortemReview.Submit(p, null);
            PostmortemReview.Approve(p, "Marcus Lee", now, "Checked against the log; the replica answered with PGPASSWORD=FAKEpw_99 set");
            PostmortemReview.Complete(p, Array.Empty<DiagnosticRecord>(), force: true);
            PostmortemReview.Unlock(p, "Removed the token ghp_FAKEabcdefghijklmnopqrstuvwxyz0123456789 from the timeline", now.AddHours(1));

            var digest = p.SignOffs[0].ContentDigest;
            Assert.NotNull(digest);
            var found = SecretScanner.Scan(p);
            Assert.Equal(new[] { "SignOffs[0].Comment", "Unlocks[0].Reason" }, found.Select(f => f.Field));
            Assert.Equal(new[] { "SignOffs[0].Comment", "Unlocks[0].Reason" }, RuleTestKit.Check(p, nameof(NoSecrets)).Select(f => f.Target));

            var report = PostmortemProtector.Protect(p, new ProtectOptions());
            Assert.Equal(2, report.Secrets);
            Assert.Empty(SecretScanner.Scan(p));
            Assert.Equal("Checked against the log; the replica answered with PGPASSWORD=[REDACTED] set", p.SignOffs[0].Comment);
            Assert.Equal(("Marcus Lee", now, digest), (p.SignOffs[0].Reviewer, p.SignOffs[0].Date, p.SignOffs[0].ContentDigest));
            Assert.Equal("Removed the token [REDACTED] from the timeline", p.Unlocks[0].Reason);
            Assert.Equal(now.AddHours(1), p.Unlocks[0].Date);
        }

        [Fact]
        public void Protect_is_one_pass_over_a_field_with_20000_secrets()
        {
            // No time is asserted here (build.ps1 Secrets measures 10k, 20k and 40k); this shows the whole field comes out right.
            var p = SamplePostmortems.CheckoutOutage();
            var text = new System.Text.StringBuilder();
            for (int i = 0; i < 20_000; i++) text.Append("retry ").Append(i).Append(" with password=FAKEpw").Append(i).Append("x! failed\n");
            p.RootCause = text.ToString();

            var report = PostmortemProtector.Protect(p, new ProtectOptions());

            Assert.Equal(20_000, report.Secrets);
            var lines = p.RootCause!.Split('\n');
            Assert.Equal(20_000, lines.Length);
            Assert.Equal("retry 0 with password=[REDACTED] failed", lines[0]);
            Assert.Equal("retry 19999 with password=[REDACTED] failed", lines[19_999]);
            Assert.DoesNotContain("FAKEpw", p.RootCause);
        }

        [Fact]
        public void Protect_redacts_secrets_everywhere_and_on_request_emails_addresses_and_names()
        {
            var p = SamplePostmortems.CheckoutOutage();
            p.Timeline.Add(new TimelineEvent(new DateTime(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc), "Ana (ana@example.org) on 10.0.4.17 and fd00::17 ran psql with password=hunter2 at 09:30:15", Milestone.None, "chat paste"));
            p.RootCause += " Ana Lima had no way to see the chain.";
            var options = new ProtectOptions { EmailAddresses = true, IPAddresses = true };
            options.Names["Ana Lima"] = "the on-call engineer";
            options.Names["Ana"] = "the on-call engineer";
            var report = PostmortemProtector.Protect(p, options);

            Assert.Equal((1, 1, 2), (report.Secrets, report.EmailAddresses, report.IPAddresses));
            Assert.Equal(2, report.Names);
            var e = p.Timeline.Single(x => x.Source == "chat paste");
            Assert.Equal("the on-call engineer ([email]) on [ip-address] and [ip-address] ran psql with password=[REDACTED] at 09:30:15", e.Event);
            Assert.EndsWith("the on-call engineer had no way to see the chain.", p.RootCause);
            Assert.Empty(SecretScanner.Scan(p));
            Assert.Contains("Priya Natarajan", p.Authors);   // names of authors, reviewers and owners stay
        }
    }
}
