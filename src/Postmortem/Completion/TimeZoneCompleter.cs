using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Postmortems.Commands.Completion
{
    /// <summary>Completes -TimeZone with the time zone ids this machine knows (Europe/Berlin on Linux and macOS).</summary>
    internal sealed class TimeZoneCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            foreach (var zone in Zones().Where(z => z.Id.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).OrderBy(z => z.Id, StringComparer.OrdinalIgnoreCase))
            {
                var text = zone.Id.IndexOf(' ') >= 0 ? $"'{zone.Id}'" : zone.Id;
                yield return new CompletionResult(text, zone.Id, CompletionResultType.ParameterValue, zone.DisplayName);
            }
        }

        private static IEnumerable<TimeZoneInfo> Zones()
        {
            try
            {
                return TimeZoneInfo.GetSystemTimeZones();
            }
            catch (Exception ex) when (ex is InvalidTimeZoneException || ex is System.Security.SecurityException || ex is System.IO.IOException)
            {
                return Enumerable.Empty<TimeZoneInfo>();
            }
        }
    }
}
