using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Postmortems.Rules;
using Postmortems.Settings;

namespace Postmortems.Commands
{
    /// <summary>What Test-Postmortem and Get-PostmortemRule share: loading settings and picking rules by name.</summary>
    internal static class RuleSelection
    {
        private static readonly Lazy<RuleSettings> DefaultSettings = new Lazy<RuleSettings>(RuleSettings.Default);

        /// <summary>The defaults, or the defaults changed by the settings file; a bad file stops the command.</summary>
        public static RuleSettings LoadSettings(PSCmdlet cmdlet, string? settingsPath)
        {
            if (settingsPath is null) return DefaultSettings.Value;
            string resolved;
            try
            {
                var paths = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(settingsPath, out _);
                if (paths.Count != 1) throw new ItemNotFoundException($"'{settingsPath}' names {paths.Count} files; give one settings file.");
                resolved = paths[0];
            }
            catch (Exception ex) when (ex is ItemNotFoundException || ex is DriveNotFoundException || ex is ProviderNotFoundException)
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(
                    new ItemNotFoundException($"The settings file '{settingsPath}' was not found. Give the path of a .psd1 file, for example -Settings ./PostmortemRules.team.psd1. {ex.Message}", ex),
                    ErrorIds.SettingsNotFound, ErrorCategory.ObjectNotFound, settingsPath));
                throw;
            }
            try
            {
                return RuleSettings.FromFile(resolved);
            }
            catch (SettingsFormatException ex)
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.InvalidSettings, ErrorCategory.InvalidData, resolved));
                throw;
            }
            catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException)
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(
                    new System.IO.IOException($"Could not read the settings file '{resolved}': {ex.Message}", ex),
                    ErrorIds.InvalidSettings, ErrorCategory.ReadError, resolved));
                throw;
            }
        }

        /// <summary>
        /// A predicate over rule names from -Rule and -ExcludeRule (wildcards allowed). A name without wildcards
        /// that is no rule stops the command, so a typo cannot silently check nothing.
        /// </summary>
        public static Func<string, bool>? Filter(PSCmdlet cmdlet, string[]? include, string[]? exclude)
        {
            var known = PostmortemRules.All.Select(r => r.Name).ToList();
            foreach (var name in (include ?? Array.Empty<string>()).Concat(exclude ?? Array.Empty<string>()))
            {
                if (!WildcardPattern.ContainsWildcardCharacters(name) && !known.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    cmdlet.ThrowTerminatingError(new ErrorRecord(
                        new PSArgumentException($"'{name}' is not a rule. The rules are: {string.Join(", ", known)}."),
                        ErrorIds.UnknownRule, ErrorCategory.InvalidArgument, name));
                }
            }
            if (include is null && exclude is null) return null;
            var includePatterns = include?.Select(Pattern).ToList();
            var excludePatterns = exclude?.Select(Pattern).ToList() ?? new List<WildcardPattern>();
            return name => (includePatterns is null || includePatterns.Any(p => p.IsMatch(name))) && !excludePatterns.Any(p => p.IsMatch(name));
        }

        private static WildcardPattern Pattern(string name) => new WildcardPattern(name, WildcardOptions.IgnoreCase);
    }
}
