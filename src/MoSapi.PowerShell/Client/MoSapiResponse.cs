using System;
using System.Collections.Generic;

namespace MoSapi.Client
{
    /// <summary>A successful (2xx) exchange: the status, the few headers the module uses, and the decoded body.</summary>
    internal sealed class MoSapiResponse
    {
        public int StatusCode { get; set; }

        public byte[] Body { get; set; } = Array.Empty<byte>();

        public int BodyLength { get; set; }

        public DateTimeOffset? LastModified { get; set; }

        public string? ContentType { get; set; }

        public IReadOnlyList<string> SetCookies { get; set; } = Array.Empty<string>();
    }
}
