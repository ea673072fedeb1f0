using System;
using System.Management.Automation;
using System.Threading.Tasks;
using MoSapi.Client;

namespace MoSapi.Commands
{
    /// <summary>
    /// Get-MoSapiAlarm: whether each service is alarmed (Yes, No, Disabled). Without -Service every service of the
    /// entity is read (dns, dnssec, rdds, rdap, epp for a registry; rdds, rdap for a registrar). A service that is not
    /// monitored (404) is reported as Alarmed = Disabled, not as an error. State, service-state and incident objects
    /// pipe in by property name (Tld/RegistrarId, Service).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MoSapiAlarm")]
    [OutputType(typeof(MoSapiAlarm))]
    public sealed class GetMoSapiAlarmCommand : MoSapiMonitoringCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        public MoSapiService[]? Service { get; set; }

        internal override Func<WorkSink, MoSapiCallContext, Task>? CreateWork(MoSapiConnection connection) =>
            PerService(ServicesOf(connection, Service), (service, context) => MoSapiClient.GetAlarmAsync(connection, service, context));
    }
}
