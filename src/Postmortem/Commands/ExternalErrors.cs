using System.Management.Automation;
using Postmortems.Privacy;

namespace Postmortems.Commands
{
    internal static class ExternalErrors
    {
        /// <summary>The ErrorRecord for an external version not ready for its audience: a stable ErrorId per problem.</summary>
        public static ErrorRecord Record(ExternalVersionException ex, object? target) => ex.Problem switch
        {
            ExternalVersionProblem.InternalDetail => new ErrorRecord(ex, ErrorIds.ExternalVersionHasInternalDetail, ErrorCategory.InvalidData, target),
            ExternalVersionProblem.Incomplete => new ErrorRecord(ex, ErrorIds.ExternalVersionIncomplete, ErrorCategory.InvalidOperation, target),
            _ => new ErrorRecord(ex, ErrorIds.ExternalVersionNotApproved, ErrorCategory.InvalidOperation, target),
        };

        /// <summary>Stops a command given -Audience External with an option that has no meaning for it.</summary>
        public static void RefuseOption(PSCmdlet cmdlet, string message) =>
            cmdlet.ThrowTerminatingError(new ErrorRecord(new PSArgumentException(message), ErrorIds.ExternalAudienceNotSupported, ErrorCategory.InvalidArgument, null));
    }
}
