using System;
using System.Management.Automation;
using Postmortems.Rendering;

namespace Postmortems.Commands
{
    /// <summary>
    /// Takes a duration as the module writes it, HH:MM with hours past 24 for a long incident (72:05), which
    /// PowerShell's own conversion to TimeSpan refuses; anything else goes on to that conversion unchanged.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    internal sealed class DurationTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            return value is string text && PostmortemMarkdown.TryParseDuration(text, out var duration) ? duration : inputData;
        }
    }
}
