using System;
using System.Management.Automation;
using System.Threading.Tasks;
using MoSapi.Client;

namespace MoSapi.Commands
{
    /// <summary>
    /// Get-MoSapiDowntime: minutes of downtime of each service in the rolling week. Without -Service every service of the
    /// entity is read (dns, dnssec, rdds, rdap, epp for a registry; rdds, rdap for a registrar). A service that is not
    /// monitored (404) is reported with Status = Disabled and no minutes, not as an error. State, service-state and incident objects
    /// pipe in by property name (Tld/RegistrarId, Service).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MoSapiDowntime")]
    [OutputType(typeof(MoSapiDowntime))]
    public sealed class GetMoSapiDowntimeCommand : MoSapiMonitoringCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        public MoSapiService[]? Service { get; set; }

        internal override Func<WorkSink, MoSapiCallContext, Task>? CreateWork(MoSapiConnection connection) =>
            PerService(ServicesOf(connection, Service), (service, context) => MoSapiClient.GetDowntimeAsync(connection, service, context));
    }
}
