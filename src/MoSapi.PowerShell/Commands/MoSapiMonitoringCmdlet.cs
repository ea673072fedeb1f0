using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using MoSapi.Client;

namespace MoSapi.Commands
{
    /// <summary>The base of the SLA-monitoring cmdlets: what they share about services, dates and ordered fetching.</summary>
    public abstract class MoSapiMonitoringCmdlet : MoSapiDataCmdlet
    {
        /// <summary>The services asked for, or every service the kind of entity can have.</summary>
        internal static MoSapiService[] ServicesOf(MoSapiConnection connection, MoSapiService[]? requested) =>
            requested != null && requested.Length > 0
                ? requested.Distinct().ToArray()
                : (connection.Entity.Kind == MoSapiEntityKind.Registrar ? MoSapiServiceNames.RegistrarServices : MoSapiServiceNames.RegistryServices).ToArray();

        /// <summary>A typed time as UTC (see <see cref="UtcTime"/>).</summary>
        internal static DateTimeOffset? Utc(DateTime? value) =>
            value == null ? (DateTimeOffset?)null : new DateTimeOffset(UtcTime.From(value.Value));

        /// <summary>Exactly one service, for the requests that address one incident.</summary>
        internal MoSapiService OneService(MoSapiService[]? services)
        {
            if (services == null || services.Distinct().Count() != 1)
            {
                ThrowTerminating(MoSapiErrorIds.InvalidArgument, "An incident belongs to one service: give exactly one -Service (dns, dnssec, rdds, rdap or epp) with -IncidentId.");
            }

            return services![0];
        }

        /// <summary>One document per service, read together and written in service order.</summary>
        internal static Func<WorkSink, MoSapiCallContext, Task> PerService<T>(MoSapiService[] services, Func<MoSapiService, MoSapiCallContext, Task<T>> fetch)
            where T : class =>
            async (sink, context) =>
            {
                foreach (var result in await Task.WhenAll(services.Select(s => fetch(s, context))).ConfigureAwait(false))
                {
                    sink.Write(result);
                }
            };

        /// <summary>
        /// Writes fetched objects in order while later fetches keep going. The connection's in-flight bound (4 per
        /// certificate or account) limits the requests on the wire; the window only bounds how many finished
        /// documents may wait behind a slow one, so one slow answer does not leave the pipe half empty.
        /// </summary>
        internal static async Task WriteInOrderAsync<T>(WorkSink sink, IReadOnlyList<Func<Task<T>>> fetches, int window = 16)
            where T : class
        {
            var pending = new Queue<Task<T>>();
            var next = 0;
            while (next < fetches.Count || pending.Count > 0)
            {
                while (next < fetches.Count && pending.Count < window)
                {
                    pending.Enqueue(fetches[next++]());
                }

                sink.Write(await pending.Dequeue().ConfigureAwait(false));
            }
        }
    }
}
