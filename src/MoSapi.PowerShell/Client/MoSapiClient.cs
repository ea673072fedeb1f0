using System;
using System.Threading.Tasks;
using MoSapi.Client.Json;
using Newtonsoft.Json.Linq;

namespace MoSapi.Client
{
    /// <summary>
    /// The operations of MoSAPI, one method per endpoint family (this file: the shared plumbing and the state; other
    /// parts of the class live beside it, one file per area). Routes come from <see cref="MoSapiRoutes"/> only.
    /// </summary>
    public static partial class MoSapiClient
    {
        public static async Task<MoSapiState> GetStateAsync(MoSapiConnection connection, MoSapiCallContext context)
        {
            var (doc, _) = await GetJsonAsync(connection, MoSapiRoutes.State, null, "state document", context).ConfigureAwait(false);
            return StateParser.ParseState(doc, connection.Entity);
        }

        /// <summary>GET of a route below the entity, through the connection's credential, retries and limits.</summary>
        internal static Task<MoSapiResponse> GetAsync(MoSapiConnection connection, string route, string? query, MoSapiCallContext context)
        {
            var uri = new Uri(connection.EntityUri, string.IsNullOrEmpty(query) ? route : route + "?" + query);
            var auth = connection.Authenticator;
            var plan = new MoSapiHttp.RequestPlan(
                connection.Transport,
                auth.InFlight,
                uri,
                connection.Entity,
                connection.Options,
                auth.Apply,
                auth is PasswordSession ? auth.RenewAsync : null,
                userName: connection.UserName);
            return MoSapiHttp.SendAsync(plan, context);
        }

        internal static async Task<(JObject Doc, MoSapiResponse Response)> GetJsonAsync(MoSapiConnection connection, string route, string? query, string what, MoSapiCallContext context)
        {
            var response = await GetAsync(connection, route, query, context).ConfigureAwait(false);
            try
            {
                return (JsonRead.ParseObject(response.Body, 0, response.BodyLength, what), response);
            }
            catch (MoSapiException ex)
            {
                ex.Entity ??= connection.Entity;
                ex.RequestPath ??= route;
                throw;
            }
        }
    }
}
