using System;
using System.Collections.Generic;
using System.Linq;
using Postmortems.Privacy;

namespace Postmortems.Rules
{
    // The rules of the customer-facing version. Each says nothing of a postmortem without one, and none of them holds up
    // the internal review: Complete-Postmortem and Approve-Postmortem leave them out (PostmortemRules.IsExternal).

    // The written parts of a begun external version (its title and four parts), each with what a finder found in it.
    internal static class ExternalParts
    {
        public static IEnumerable<(ExternalField Field, string Found)> Find(RuleContext context, Func<string, string?> finder)
        {
            var external = context.Postmortem.External;
            if (external.IsEmpty) yield break;
            foreach (var field in ExternalVersion.Fields)
            {
                if (external[field.Name] is not string text) continue;
                if (finder(text) is string found) yield return (field, found);
            }
        }
    }

    internal sealed class ExternalVersionComplete : PostmortemRule
    {
        public override string Name => nameof(ExternalVersionComplete);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;
        public override PostmortemSection Section => PostmortemSection.ExternalVersion;
        public override string Description =>
            "A begun external version has its Summary, Customer Impact and What We Are Doing, each \"Written for non-technical stakeholders\", as the guide's summary is.";

        internal override void Check(RuleContext context)
        {
            var external = context.Postmortem.External;
            if (external.IsEmpty) return;
            foreach (var field in external.Missing)
            {
                context.Report("External." + field.Name, $"The external version has no {field.Heading}.",
                    $"Set-Postmortem -{field.Parameter} '...': {Prompt(field.Name)}");
            }
        }

        private static string Prompt(string field) => field switch
        {
            "Summary" => "what happened and what it meant for customers, in two or three sentences.",
            "CustomerImpact" => "who was affected, how, and for how long, as customers felt it.",
            _ => "what we are doing so it does not happen again.",
        };
    }

    internal sealed class ExternalInternalDetail : PostmortemRule
    {
        public override string Name => nameof(ExternalInternalDetail);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;
        public override PostmortemSection Section => PostmortemSection.ExternalVersion;
        public override string Description =>
            "The external version shows customers no internal detail (hosts, addresses, people, secrets, paths, channels, tickets, commands): it is \"Written for non-technical stakeholders\", and only for them.";

        internal override void Check(RuleContext context)
        {
            var p = context.Postmortem;
            if (p.External.IsEmpty) return;
            foreach (var finding in ExternalCheck.Find(p, context.Settings.External))
            {
                context.Report(finding.Field, $"{finding.Field} holds the {finding.Kind} '{finding.Value}'. {finding.Reason}",
                    $"Rewrite it in plain words: Set-Postmortem -{finding.Parameter} '...'. A domain customers may see goes in the settings file's External = @{{ PublicHosts = @('...') }}.");
            }
        }
    }

    internal sealed class ExternalBlameless : PostmortemRule
    {
        public override string Name => nameof(ExternalBlameless);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;
        public override PostmortemSection Section => PostmortemSection.ExternalVersion;
        public override string Description =>
            "What customers read blames no one, as the postmortem does not: the guide's \"Humans make mistakes. The question is: what system conditions made the mistake harmful?\" holds for the external version too.";

        internal override void Check(RuleContext context)
        {
            foreach (var (field, found) in ExternalParts.Find(context, text => Blame.Find(context, text)))
            {
                context.Report("External." + field.Name, $"External.{field.Name} blames a person: it has {found}. Customers need to know what failed and what changes, not who.",
                    $"Say what happened to the system, as the postmortem does: Set-Postmortem -{field.Parameter} '...'. {BlamelessLanguage.Reframe}");
            }
        }
    }

    internal sealed class ExternalVagueQuantity : PostmortemRule
    {
        public override string Name => nameof(ExternalVagueQuantity);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;
        public override PostmortemSection Section => PostmortemSection.ExternalVersion;
        public override string Description =>
            "What customers read gives numbers, as the postmortem's summary does. The guide: \"'The service was unavailable for 47 minutes' — not 'there was some downtime'\".";

        internal override void Check(RuleContext context)
        {
            foreach (var (field, found) in ExternalParts.Find(context, text => ToneShapes.VagueQuantity(Words.Of(Quotes.WithoutQuoted(text)), context)))
            {
                context.Report("External." + field.Name, $"External.{field.Name} says '{found}' where a customer needs a number.",
                    $"Give the figure: Set-Postmortem -{field.Parameter} '... for 47 minutes ... about 3,100 customers ...'.");
            }
        }
    }

    internal sealed class ExternalSignOffCurrent : PostmortemRule
    {
        public override string Name => nameof(ExternalSignOffCurrent);
        public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;
        public override PostmortemSection Section => PostmortemSection.ExternalVersion;
        public override string Description =>
            "What customers read was approved as it stands. The guide: \"Review — have someone else read it\"; an external version edited since its sign-off was not read again.";

        internal override void Check(RuleContext context)
        {
            var external = context.Postmortem.External;
            if (external.SignOffs.Count == 0 || external.IsApproved) return;
            var who = string.Join(", ", external.SignOffs.Select(s => $"{s.Reviewer} ({Rendering.ReadableTime.Utc(s.Date)})"));
            context.Report("External.SignOffs", $"The external version changed since {who} approved it.",
                "Have it approved again as it stands: Approve-Postmortem -Reviewer 'name' -Audience External.");
        }
    }
}
