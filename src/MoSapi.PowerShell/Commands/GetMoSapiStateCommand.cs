using System;
using System.Management.Automation;
using System.Threading.Tasks;
using MoSapi.Client;

namespace MoSapi.Commands
{
    /// <summary>Get-MoSapiState: the monitoring state of each connected TLD or registrar.</summary>
    [Cmdlet(VerbsCommon.Get, "MoSapiState")]
    [OutputType(typeof(MoSapiState))]
    public sealed class GetMoSapiStateCommand : MoSapiDataCmdlet
    {
        internal override Func<WorkSink, MoSapiCallContext, Task>? CreateWork(MoSapiConnection connection) =>
            async (sink, context) => sink.Write(await MoSapiClient.GetStateAsync(connection, context).ConfigureAwait(false));
    }
}
