using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MoSapi.Client
{
    /// <summary>
    /// The session of one MoSAPI account at one entity. MoSAPI keeps one session per account and a new login ends the
    /// older one, so this object is shared process-wide by every connection (in every runspace) of the same account:
    /// logins are serialised, and a 401 seen by many requests at once leads to exactly one re-login.
    /// </summary>
    internal sealed class PasswordSession : Authenticator
    {
        private static readonly object RegistryLock = new object();
        private static readonly Dictionary<string, PasswordSession> Registry = new Dictionary<string, PasswordSession>(StringComparer.OrdinalIgnoreCase);

        private readonly SemaphoreSlim _loginLock = new SemaphoreSlim(1, 1);
        private readonly MoSapiTransport _transport;
        private readonly Uri _entityBase;
        private readonly MoSapiEntity _entity;
        private SecureString _password;
        private MoSapiClientOptions _options;
        private volatile string? _cookie;
        private int _logins;

        private PasswordSession(MoSapiTransport transport, Uri entityBase, MoSapiEntity entity, string userName, SecureString password, MoSapiClientOptions options)
        {
            _transport = transport;
            _entityBase = entityBase;
            _entity = entity;
            UserName = userName;
            _password = password;
            _options = options;
            InFlight = new SemaphoreSlim(options.MaximumInFlight, options.MaximumInFlight);
        }

        public string UserName { get; }

        public override string Method => "Password";

        public override SemaphoreSlim InFlight { get; }

        /// <summary>Logins performed by this session object (diagnostics and tests).</summary>
        public int LoginCount => Volatile.Read(ref _logins);

        public bool HasSession => _cookie != null;

        /// <summary>The shared session of (entity base, user); the newest password given replaces the older one.</summary>
        public static PasswordSession For(MoSapiTransport transport, Uri entityBase, MoSapiEntity entity, string userName, SecureString password, MoSapiClientOptions options)
        {
            var key = transport.Key + "|" + entityBase.AbsoluteUri + "|" + userName;
            var copy = password.Copy();
            copy.MakeReadOnly();
            lock (RegistryLock)
            {
                if (Registry.TryGetValue(key, out var existing))
                {
                    existing._password = copy;
                    existing._options = options;
                    return existing;
                }

                var created = new PasswordSession(transport, entityBase, entity, userName, copy, options);
                Registry[key] = created;
                return created;
            }
        }

        public override string? Apply(HttpRequestMessage request)
        {
            var cookie = _cookie;
            if (cookie != null)
            {
                request.Headers.TryAddWithoutValidation("Cookie", "id=" + cookie);
            }

            return cookie;
        }

        public override async Task<bool> RenewAsync(string? rejected, MoSapiCallContext context)
        {
            await LoginAsync(rejected, force: false, context).ConfigureAwait(false);
            return true;
        }

        public override Task ConnectAsync(MoSapiCallContext context) => LoginAsync(null, force: true, context);

        public override async Task DisconnectAsync(MoSapiCallContext context)
        {
            var cookie = _cookie;
            if (cookie == null)
            {
                return;
            }

            _cookie = null;
            var plan = Plan(MoSapiRoutes.Logout, request => request.Headers.TryAddWithoutValidation("Cookie", "id=" + cookie));
            try
            {
                await MoSapiHttp.SendAsync(plan, context).ConfigureAwait(false);
            }
            catch (MoSapiException ex)
            {
                // The session ends on the server when it expires anyway; a failed logout must not fail a disconnect.
                context.Log.Verbose($"MoSAPI logout of {UserName} at {_entity} did not succeed ({ex.ErrorId}); the session will expire on its own.");
            }
        }

        /// <summary>
        /// Logs in unless another caller already replaced the rejected cookie while this one waited for the lock.
        /// </summary>
        private async Task LoginAsync(string? rejected, bool force, MoSapiCallContext context)
        {
            await _loginLock.WaitAsync(context.CancellationToken).ConfigureAwait(false);
            try
            {
                var current = _cookie;
                if (!force && current != null && !string.Equals(current, rejected, StringComparison.Ordinal))
                {
                    return;
                }

                _cookie = null;
                var plan = Plan(MoSapiRoutes.Login, AddBasic);
                var response = await MoSapiHttp.SendAsync(plan, context).ConfigureAwait(false);
                Interlocked.Increment(ref _logins);
                var cookie = FindSessionCookie(response.SetCookies);
                if (cookie == null)
                {
                    throw new MoSapiException(
                        MoSapiErrorIds.AuthenticationFailed,
                        $"MoSAPI accepted the login of '{UserName}' for {_entity} but sent no session cookie. Try again; if it persists, use a client certificate.")
                    { Entity = _entity, StatusCode = response.StatusCode };
                }

                _cookie = cookie;
                context.Log.Verbose($"MoSAPI session opened for {UserName} at {_entity}.");
            }
            finally
            {
                _loginLock.Release();
            }
        }

        private MoSapiHttp.RequestPlan Plan(string route, Action<HttpRequestMessage> decorate) => new MoSapiHttp.RequestPlan(
            _transport,
            InFlight,
            new Uri(_entityBase, route),
            _entity,
            _options,
            request =>
            {
                decorate(request);
                return null;
            },
            renew: null,
            isLogin: route == MoSapiRoutes.Login,
            userName: UserName);

        private void AddBasic(HttpRequestMessage request)
        {
            var plain = CertificateLoader.ToPlain(_password) ?? string.Empty;
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(UserName + ":" + plain));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", token);
        }

        internal static string? FindSessionCookie(IEnumerable<string> setCookies)
        {
            foreach (var header in setCookies)
            {
                // A Set-Cookie value is "name=value; attr; attr"; only the first pair names the cookie.
                var end = header.IndexOf(';');
                var pair = (end < 0 ? header : header.Substring(0, end)).Trim();
                var eq = pair.IndexOf('=');
                if (eq > 0 && string.Equals(pair.Substring(0, eq).Trim(), "id", StringComparison.OrdinalIgnoreCase))
                {
                    var value = pair.Substring(eq + 1).Trim().Trim('"');
                    if (value.Length > 0)
                    {
                        return value;
                    }
                }
            }

            return null;
        }
    }
}
