using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using MoSapi.Client;

namespace MoSapi.Commands
{
    /// <summary>
    /// The base of the data cmdlets: which connections a call targets (-Connection, -Tld, -RegistrarId, else every
    /// connection of the runspace), and the fan-out over them.
    /// </summary>
    public abstract class MoSapiDataCmdlet : MoSapiCmdlet
    {
        /// <summary>Registry TLDs to read; each needs a connection made by Connect-MoSapi.</summary>
        // No null validation: objects piped in carry Tld or RegistrarId and the other one is null.
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(TldCompleter))]
        public string[]? Tld { get; set; }

        /// <summary>IANA IDs of registrars to read.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RegistrarIdCompleter))]
        public int[]? RegistrarId { get; set; }

        /// <summary>Connections to use instead of looking them up (also from other runspaces, via $using:).</summary>
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public MoSapiConnection[]? Connection { get; set; }

        /// <summary>How many entities are read at once. The per-certificate bound of 4 requests applies regardless.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        internal override int ThrottleLimitForWork => ThrottleLimit;

        protected override void ProcessRecord()
        {
            foreach (var connection in ResolveConnections())
            {
                var work = CreateWork(connection);
                if (work != null)
                {
                    Work.Add(connection.Entity.PathSegment, work);
                }
            }
        }

        /// <summary>
        /// The work for one connection. Called on the pipeline thread while this record's parameters are bound, so
        /// implementations copy the values they need into the returned delegate.
        /// </summary>
        internal abstract Func<WorkSink, MoSapiCallContext, Task>? CreateWork(MoSapiConnection connection);

        internal IEnumerable<MoSapiConnection> ResolveConnections()
        {
            if (Connection != null && Connection.Length > 0)
            {
                return Connection.Where(c => c != null);
            }

            var registry = ConnectionRegistry.Current;
            var wanted = new List<MoSapiEntity>();
            try
            {
                foreach (var tld in Tld ?? Array.Empty<string>())
                {
                    wanted.Add(MoSapiEntity.ForTld(tld));
                }

                foreach (var id in RegistrarId ?? Array.Empty<int>())
                {
                    wanted.Add(MoSapiEntity.ForRegistrar(id));
                }
            }
            catch (MoSapiException ex)
            {
                ThrowTerminating(ex);
            }

            if (wanted.Count == 0)
            {
                var all = registry.All;
                if (all.Count == 0)
                {
                    ThrowTerminating(MoSapiErrorIds.NotConnected, "There is no MoSAPI connection in this session. Run Connect-MoSapi first (for example: Connect-MoSapi -Tld example -Credential (Get-Credential example_ry)).");
                }

                return all;
            }

            var found = new List<MoSapiConnection>();
            foreach (var entity in wanted.Distinct())
            {
                var matches = registry.Find(entity);
                if (matches.Count == 0)
                {
                    var how = entity.Kind == MoSapiEntityKind.Registry ? "-Tld " + entity.Tld : "-RegistrarId " + entity.RegistrarId;
                    WriteError(ErrorRecords.Create(MoSapiErrorIds.NotConnected, $"There is no MoSAPI connection for {entity} in this session. Run Connect-MoSapi {how} first.", entity.PathSegment));
                    continue;
                }

                found.AddRange(matches);
            }

            return found;
        }
    }
}
