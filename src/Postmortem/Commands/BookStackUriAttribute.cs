using System;
using System.Management.Automation;
using Postmortems.Privacy;

namespace Postmortems.Commands
{
    /// <summary>
    /// Reads -Uri for the BookStack commands: an address with a password holding '@' or ':' (http://admin:p@ss@wiki/)
    /// too, which PowerShell's own conversion to Uri refuses, and an address that is none is refused without repeating
    /// its user name and password. BookStackSession then drops them from the address and says so.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    internal sealed class BookStackUriAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is not string text) return inputData;
            var uri = Addresses.Parse(text);
            if (uri is not null) return uri;
            if (Uri.TryCreate(text.Trim(), UriKind.Relative, out var relative)) return relative;   // refused later, with the address shown
            throw new ArgumentTransformationMetadataException(
                $"'{Addresses.WithoutUserInfo(text.Trim())}' is not a web address. Give BookStack's base address, such as https://wiki.example.org.");
        }
    }
}
