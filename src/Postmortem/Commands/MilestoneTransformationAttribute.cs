using System.Management.Automation;

namespace Postmortems.Commands
{
    /// <summary>
    /// Lets an empty Milestone column (Import-Csv gives "" for it) mean None, so a CSV where only some rows are
    /// milestones binds row by row; any other text still goes through the enum's own validation.
    /// </summary>
    internal sealed class MilestoneTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is null) return Milestone.None;
            if (value is string text && text.Trim().Length == 0) return Milestone.None;
            return inputData;
        }
    }
}
