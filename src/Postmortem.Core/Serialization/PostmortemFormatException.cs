using System;

namespace Postmortems.Serialization
{
    /// <summary>
    /// A file that cannot be read as a postmortem. The message names the file and, where there is one, the line; control
    /// characters quoted from the file are escaped in it.
    /// </summary>
    public sealed class PostmortemFormatException : FormatException
    {
        public PostmortemFormatException(string source, long? line, string problem, Exception? inner = null)
            : base(IO.Printable.Escape(line is null ? $"{source}: {problem}" : $"{source}, line {line}: {problem}"), inner)
        {
            Source = source;
            Line = line;
            Problem = IO.Printable.Escape(problem);
        }

        /// <summary>The file (or other source) that was being read.</summary>
        public new string Source { get; }

        public long? Line { get; }

        public string Problem { get; }
    }

    /// <summary>A postmortem read from a file, with what was read past (unknown keys) as warnings.</summary>
    public sealed class ReadResult
    {
        public ReadResult(Postmortem postmortem, System.Collections.Generic.IReadOnlyList<string> warnings)
        {
            Postmortem = postmortem;
            Warnings = warnings;
        }

        public Postmortem Postmortem { get; }

        public System.Collections.Generic.IReadOnlyList<string> Warnings { get; }
    }
}
