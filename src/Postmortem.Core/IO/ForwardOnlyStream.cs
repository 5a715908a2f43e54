using System;
using System.IO;

namespace Postmortems.IO
{
    /// <summary>
    /// A stream read once from start to end, that wraps another: no length, no position, no seeking, no writing. The
    /// readers' wrappers (a byte limit, a head read ahead and given back) say only how they read.
    /// </summary>
    internal abstract class ForwardOnlyStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
