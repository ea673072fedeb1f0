namespace MoSapi
{
    /// <summary>One row of the result-code table: the meaning depends on service and interface.</summary>
    public sealed class MoSapiResultCode
    {
        public int Code { get; internal set; }

        public MoSapiService Service { get; internal set; }

        /// <summary>DNS, DNSSEC, RDDS43, RDDS80, RDAP or EPP.</summary>
        public string Interface { get; internal set; } = string.Empty;

        /// <summary>udp or tcp for DNS and DNSSEC codes; null otherwise.</summary>
        public string? Transport { get; internal set; }

        public string Description { get; internal set; } = string.Empty;

        /// <summary>An internal error of the probe: the target still counts as Up.</summary>
        public bool IsInternal { get; internal set; }

        /// <summary>For the -300 - n (RDDS80) and -500 - n (RDAP) families: the HTTP status the code stands for (null for "any other status").</summary>
        public int? HttpStatus { get; internal set; }

        public override string ToString() => $"{Code} {Interface}: {Description}";
    }
}
