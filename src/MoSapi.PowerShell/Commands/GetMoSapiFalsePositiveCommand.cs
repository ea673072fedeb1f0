using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using MoSapi.Client;

namespace MoSapi.Commands
{
    /// <summary>
    /// Get-MoSapiFalsePositive: the false-positive flag ICANN set on incidents, and when it last changed (UpdateTime,
    /// null when never). Incident objects pipe in by property name (Tld/RegistrarId, Service, IncidentId):
    /// <c>Get-MoSapiIncident -Service dns | Get-MoSapiFalsePositive</c>.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MoSapiFalsePositive")]
    [OutputType(typeof(MoSapiFalsePositive))]
    public sealed class GetMoSapiFalsePositiveCommand : MoSapiMonitoringCmdlet
    {
        [Parameter(Position = 0, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public MoSapiService[]? Service { get; set; }

        [Parameter(Position = 1, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(IncidentIdCompleter))]
        public string[]? IncidentId { get; set; }

        internal override Func<WorkSink, MoSapiCallContext, Task>? CreateWork(MoSapiConnection connection)
        {
            var service = OneService(Service);
            var ids = IncidentId!.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).ToList();
            return async (sink, context) =>
            {
                foreach (var id in ids)
                {
                    try
                    {
                        sink.Write(await MoSapiClient.GetFalsePositiveAsync(connection, service, id, context).ConfigureAwait(false));
                    }
                    catch (MoSapiException ex) when (ex.ErrorId == MoSapiErrorIds.NotFound)
                    {
                        sink.Error(ex);
                    }
                }
            };
        }
    }
}
