using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using Postmortems.Commands.Completion;
using Postmortems.Privacy;
using Postmortems.Rules;

namespace Postmortems.Commands
{
    /// <summary>The shape of the review cmdlets: take the postmortem from the pipeline, make one move, pass it on; a refused move is an error and the postmortem passes on unchanged.</summary>
    public abstract class ReviewCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [Alias("InputObject")]
        public Postmortem Postmortem { get; set; } = null!;

        protected override void ProcessRecord()
        {
            try
            {
                Move(Postmortem);
            }
            catch (PostmortemStateException ex)
            {
                WriteError(new ErrorRecord(ex, ErrorId, ErrorCategory.InvalidOperation, Postmortem));
            }
            catch (ExternalVersionException ex)
            {
                WriteError(ExternalErrors.Record(ex, Postmortem));
            }
            WriteObject(Postmortem);
        }

        protected virtual string ErrorId => ErrorIds.PostmortemStateRefused;

        protected abstract void Move(Postmortem postmortem);
    }

    /// <summary>Moves a draft into review and names its reviewers (at work, someone who was not in the incident).</summary>
    [Cmdlet(VerbsLifecycle.Submit, "PostmortemReview")]
    [OutputType(typeof(Postmortem))]
    public sealed class SubmitPostmortemReviewCommand : ReviewCommand
    {
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string[]? Reviewer { get; set; }

        protected override void Move(Postmortem postmortem)
        {
            PostmortemReview.Submit(postmortem, Reviewer);
            WriteVerbose($"'{postmortem.Title}' is in review; reviewers: {string.Join(", ", postmortem.Reviewers)}.");
        }
    }

    /// <summary>
    /// Records a reviewer's dated sign-off, with the warnings they accept as they are; with -Audience External, an approval
    /// of the external version as it stands, apart from the internal review.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Approve, "Postmortem")]
    [OutputType(typeof(Postmortem))]
    public sealed class ApprovePostmortemCommand : ReviewCommand
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Reviewer { get; set; } = null!;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Comment { get; set; }

        /// <summary>Test-Postmortem rules whose warnings the reviewer accepts.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(RuleNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Acknowledge { get; set; }

        /// <summary>The team's rule settings (.psd1), as Complete-Postmortem takes them, for the count of errors it warns of.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Settings { get; set; }

        /// <summary>Internal (the postmortem's review, the default) or External (an approval of its external version as it stands).</summary>
        [Parameter]
        public Audience Audience { get; set; }

        private RuleSettings _settings = null!;

        protected override void BeginProcessing()
        {
            _settings = RuleSelection.LoadSettings(this, Settings);
            if (Audience == Audience.External && Acknowledge is not null)
            {
                ExternalErrors.RefuseOption(this, "-Acknowledge accepts Test-Postmortem warnings in the internal review; an approval of the external version has none to accept. Leave out one of -Acknowledge and -Audience External.");
            }
        }

        protected override void Move(Postmortem postmortem)
        {
            if (Audience == Audience.External)
            {
                var approval = PostmortemReview.ApproveExternal(postmortem, Reviewer, DateTime.UtcNow, Comment, _settings.External);
                WriteVerbose($"{approval} the external version of '{postmortem.Title}': Publish-Postmortem -Audience External publishes it.");
                return;
            }
            // Judged as Complete-Postmortem judges, so the count is what will stop it; said before the approval, which
            // a draft does not get, since the errors are worth knowing either way.
            if (postmortem.State != DocumentState.Final)
            {
                var findings = PostmortemLinter.Check(postmortem, _settings, name => name != "ReviewWithErrors" && name != "FinalWarningsAcknowledged" && !PostmortemRules.IsExternal(name));
                if (PostmortemReview.ErrorsAtApproval(postmortem, findings) is string warning) WriteWarning(warning);
            }
            var signOff = PostmortemReview.Approve(postmortem, Reviewer, DateTime.UtcNow, Comment, Acknowledge);
            var pending = PostmortemReview.PendingReviewers(postmortem);
            WriteVerbose(pending.Count == 0 ? $"{signOff}. Every reviewer has approved: Complete-Postmortem makes it final." : $"{signOff}. Waiting for {string.Join(", ", pending)}.");
        }
    }

    /// <summary>
    /// Makes the postmortem final and locks it: at work when every named reviewer has approved, at home when the
    /// author says so. Test-Postmortem errors stop it unless -Force.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Complete, "Postmortem")]
    [OutputType(typeof(Postmortem))]
    public sealed class CompletePostmortemCommand : ReviewCommand
    {
        private RuleSettings _settings = null!;

        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>The team's rule settings (.psd1), as Test-Postmortem -Settings takes them, so both judge errors alike.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Settings { get; set; }

        protected override void BeginProcessing() => _settings = RuleSelection.LoadSettings(this, Settings);

        protected override void Move(Postmortem postmortem)
        {
            // The external version has its own approval and does not hold up the internal review.
            var findings = PostmortemLinter.Check(postmortem, _settings, name => name != "ReviewWithErrors" && name != "FinalWarningsAcknowledged" && !PostmortemRules.IsExternal(name));
            PostmortemReview.Complete(postmortem, findings, Force);
            WriteVerbose($"'{postmortem.Title}' is final and locked. Unlock-Postmortem -Reason '...' reopens it.");
        }
    }

    /// <summary>Reopens a final postmortem for changes, recording when and why.</summary>
    [Cmdlet(VerbsCommon.Unlock, "Postmortem")]
    [OutputType(typeof(Postmortem))]
    public sealed class UnlockPostmortemCommand : ReviewCommand
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Reason { get; set; } = null!;

        protected override void Move(Postmortem postmortem)
        {
            var unlock = PostmortemReview.Unlock(postmortem, Reason, DateTime.UtcNow);
            WriteVerbose($"'{postmortem.Title}' is unlocked and back in review ({unlock}).");
        }
    }

    /// <summary>
    /// Makes a postmortem safe to share before export or publish: every secret it finds (API keys, tokens, private
    /// keys, passwords) becomes [REDACTED]; with -EmailAddress and -IPAddress those become [email] and [ip-address];
    /// -Name replaces people's names in the text with roles.
    /// </summary>
    [Cmdlet(VerbsSecurity.Protect, "Postmortem")]
    [OutputType(typeof(Postmortem))]
    public sealed class ProtectPostmortemCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [Alias("InputObject")]
        public Postmortem Postmortem { get; set; } = null!;

        [Parameter]
        public SwitchParameter EmailAddress { get; set; }

        [Parameter]
        public SwitchParameter IPAddress { get; set; }

        /// <summary>Names to replace: a hashtable of name = role (@{ 'Ana Lima' = 'the on-call engineer' }), or names alone (each becomes [person]).</summary>
        [Parameter]
        [ValidateNotNull]
        public object? Name { get; set; }

        protected override void ProcessRecord()
        {
            if (Postmortem.IsLocked)
            {
                WriteError(LockedRecord(Postmortem, "changed by Protect-Postmortem"));
                WriteObject(Postmortem);
                return;
            }
            var options = new ProtectOptions { EmailAddresses = EmailAddress, IPAddresses = IPAddress };
            var names = Name is PSObject wrapped ? wrapped.BaseObject : Name;
            if (names is IDictionary map)
            {
                foreach (DictionaryEntry entry in map) options.Names[entry.Key?.ToString() ?? string.Empty] = entry.Value?.ToString() ?? string.Empty;
            }
            else if (names is string single)
            {
                options.Names[single] = string.Empty;
            }
            else if (names is IEnumerable list)
            {
                foreach (var item in list) options.Names[(item is PSObject o ? o.BaseObject : item)?.ToString() ?? string.Empty] = string.Empty;
            }
            var report = PostmortemProtector.Protect(Postmortem, options);
            WriteVerbose($"'{Postmortem.Title}': {report}.");
            WriteObject(Postmortem);
        }

        internal static ErrorRecord LockedRecord(Postmortem postmortem, string what) =>
            new ErrorRecord(PostmortemReview.Locked(postmortem, what), ErrorIds.PostmortemLocked, ErrorCategory.InvalidOperation, postmortem);
    }
}
