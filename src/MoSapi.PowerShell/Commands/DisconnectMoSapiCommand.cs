using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using MoSapi.Client;

namespace MoSapi.Commands
{
    /// <summary>Disconnect-MoSapi: logs out (password sessions) and forgets connections; all of them when none is named.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "MoSapi")]
    [OutputType(typeof(void))]
    public sealed class DisconnectMoSapiCommand : MoSapiDataCmdlet
    {
        private readonly HashSet<MoSapiConnection> _done = new HashSet<MoSapiConnection>();

        protected override void ProcessRecord()
        {
            IEnumerable<MoSapiConnection> targets;
            if ((Connection == null || Connection.Length == 0) && Tld == null && RegistrarId == null)
            {
                // Disconnecting nothing is not an error: the goal (no connection) is already met.
                targets = ConnectionRegistry.Current.All;
            }
            else
            {
                targets = ResolveConnections();
            }

            foreach (var connection in targets.ToList())
            {
                if (!_done.Add(connection))
                {
                    continue;
                }

                ConnectionRegistry.Current.Remove(connection);
                WriteVerbose($"Disconnecting {connection}.");
                Work.Add(connection.Entity.PathSegment, (sink, context) => connection.DisconnectAsync(context));
            }
        }

        internal override System.Func<WorkSink, MoSapiCallContext, System.Threading.Tasks.Task>? CreateWork(MoSapiConnection connection) => null;
    }
}
