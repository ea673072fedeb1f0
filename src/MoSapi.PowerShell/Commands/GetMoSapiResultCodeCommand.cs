using System.Linq;
using System.Management.Automation;
using MoSapi.Client;

namespace MoSapi.Commands
{
    /// <summary>
    /// Get-MoSapiResultCode: the meaning of the negative result codes of probe measurements (spec 5.1), which depends on
    /// service and interface. Needs no connection. -Code takes the codes to explain (internal codes -1 … -199 for every
    /// interface); -Service and -Interface narrow the table. The -300 - n (RDDS80) and -500 - n (RDAP) families carry the
    /// HTTP status they stand for in HttpStatus. Result rows of a measurement pipe in by property name
    /// (ResultCode, Service, Interface): <c>$m.Results | Where-Object ResultCode | Get-MoSapiResultCode</c>.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MoSapiResultCode")]
    [OutputType(typeof(MoSapiResultCode))]
    public sealed class GetMoSapiResultCodeCommand : PSCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ResultCode")]
        [AllowNull]
        public int[]? Code { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public MoSapiService[]? Service { get; set; }

        /// <summary>DNS, DNSSEC, RDDS43, RDDS80, RDAP or EPP.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("DNS", "DNSSEC", "RDDS43", "RDDS80", "RDAP", "EPP", IgnoreCase = true)]
        public string[]? Interface { get; set; }

        protected override void ProcessRecord()
        {
            // A piped row without a code ("ok", "no data") has nothing to explain.
            if (MyInvocation.BoundParameters.ContainsKey(nameof(Code)) && (Code == null || Code.Length == 0))
            {
                return;
            }

            var dnsFamily = Service != null && Service.Any(s => s == MoSapiService.Dns || s == MoSapiService.Dnssec);
            var services = dnsFamily && Code != null
                ? Service!.Concat(new[] { MoSapiService.Dns, MoSapiService.Dnssec }).Distinct().ToArray()
                : Service;
            var interfaces = dnsFamily && Code != null && Interface != null
                ? Interface.Concat(new[] { "DNS", "DNSSEC" }).Distinct().ToArray()
                : Interface;
            foreach (var row in ResultCodes.Find(Code, services, interfaces))
            {
                WriteObject(row);
            }
        }
    }
}
