using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using MoSapi.Client;

namespace MoSapi.Commands
{
    /// <summary>
    /// The connections of one runspace. Keyed by the runspace rather than held in a process-wide static, so
    /// ForEach-Object -Parallel, thread jobs and hosted runspaces each have their own list and never trample each
    /// other; connection objects themselves may still be shared explicitly ($using:).
    /// </summary>
    internal sealed class ConnectionRegistry
    {
        private static readonly ConditionalWeakTable<Runspace, ConnectionRegistry> ByRunspace = new ConditionalWeakTable<Runspace, ConnectionRegistry>();
        private static readonly ConnectionRegistry NoRunspace = new ConnectionRegistry();

        private readonly object _lock = new object();
        private readonly List<MoSapiConnection> _connections = new List<MoSapiConnection>();

        public static ConnectionRegistry Current
        {
            get
            {
                var runspace = Runspace.DefaultRunspace;
                return runspace == null ? NoRunspace : ByRunspace.GetValue(runspace, _ => new ConnectionRegistry());
            }
        }

        public IReadOnlyList<MoSapiConnection> All
        {
            get
            {
                lock (_lock)
                {
                    return _connections.ToList();
                }
            }
        }

        /// <summary>Adds a connection, replacing (and returning) an older one for the same entity and host.</summary>
        public MoSapiConnection? AddOrReplace(MoSapiConnection connection)
        {
            lock (_lock)
            {
                var index = _connections.FindIndex(c => c.IsSameTarget(connection));
                if (index >= 0)
                {
                    var old = _connections[index];
                    _connections[index] = connection;
                    return old;
                }

                _connections.Add(connection);
                return null;
            }
        }

        public bool Remove(MoSapiConnection connection)
        {
            lock (_lock)
            {
                return _connections.Remove(connection);
            }
        }

        public IReadOnlyList<MoSapiConnection> Find(MoSapiEntity entity)
        {
            lock (_lock)
            {
                return _connections.Where(c => c.Entity.Equals(entity)).ToList();
            }
        }
    }
}
