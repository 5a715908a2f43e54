using System.Text;
using System.Text.RegularExpressions;

namespace Postmortems.Tests
{
    /// <summary>
    /// The page as the module wrote it before the Timeline had its Milestone column and source tags and the Action
    /// Items their Status and Tracking columns: the files and wiki pages already out there, which must still read.
    /// </summary>
    internal static class PreviousFormat
    {
        private static readonly Regex LastCell = new Regex(@" \|[^|]*\|$");
        private static readonly Regex LastTwoCells = new Regex(@" \|[^|]*\|[^|]*\|$");
        private static readonly Regex SourceTag = new Regex(@" <sub>[^<]*</sub> \|$");

        public static string Of(string markdown)
        {
            var lines = markdown.Split('\n');
            var section = "";
            bool actionColumns = markdown.Contains("| Action | Owner | Due Date | Priority | Status | Tracking |");
            var result = new StringBuilder(markdown.Length);
            for (int i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (line.StartsWith("## ", System.StringComparison.Ordinal)) section = line.Substring(3);
                else if (line.StartsWith("| Time (UTC) |", System.StringComparison.Ordinal) || (section == "Timeline" && line.StartsWith("|-", System.StringComparison.Ordinal))) line = DropCells(line, 1);
                else if (!actionColumns && section == "Action Items") { }
                else if (line.StartsWith("| Action |", System.StringComparison.Ordinal) || (section == "Action Items" && line.StartsWith("|-", System.StringComparison.Ordinal))) line = DropCells(line, 2);
                else if (line.StartsWith("|", System.StringComparison.Ordinal) && section == "Timeline") line = SourceTag.Replace(LastCell.Replace(line, " |"), " |");
                else if (line.StartsWith("|", System.StringComparison.Ordinal) && section == "Action Items") line = LastTwoCells.Replace(line, " |");
                if (i > 0) result.Append('\n');
                result.Append(line);
            }
            return result.ToString();
        }

        // A header or separator row (no escaped pipes) without its last cells.
        private static string DropCells(string line, int count)
        {
            var cells = line.Split('|');
            return string.Join("|", cells, 0, cells.Length - 1 - count) + "|";
        }
    }
}
