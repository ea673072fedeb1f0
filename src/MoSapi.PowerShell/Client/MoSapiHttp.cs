using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MoSapi.Client
{
    /// <summary>
    /// Sends one MoSAPI request: in-flight bound, credential, per-attempt timeout, bounded retries with back-off,
    /// the single re-login on 401, and the mapping of every failure onto a <see cref="MoSapiException"/>.
    /// </summary>
    internal static class MoSapiHttp
    {
        private const int MaxBackoffSec = 30;
        private static readonly ThreadLocal<Random> Jitter = new ThreadLocal<Random>(() => new Random(Guid.NewGuid().GetHashCode()));

        internal sealed class RequestPlan
        {
            public RequestPlan(
                MoSapiTransport transport,
                SemaphoreSlim inFlight,
                Uri uri,
                MoSapiEntity entity,
                MoSapiClientOptions options,
                Func<HttpRequestMessage, string?> authorize,
                Func<string?, MoSapiCallContext, Task<bool>>? renew,
                bool isLogin = false,
                string? userName = null)
            {
                Transport = transport;
                InFlight = inFlight;
                Uri = uri;
                Entity = entity;
                Options = options;
                Authorize = authorize;
                Renew = renew;
                IsLogin = isLogin;
                UserName = userName;
            }

            public MoSapiTransport Transport { get; }

            public SemaphoreSlim InFlight { get; }

            public Uri Uri { get; }

            public MoSapiEntity Entity { get; }

            public MoSapiClientOptions Options { get; }

            public Func<HttpRequestMessage, string?> Authorize { get; }

            public Func<string?, MoSapiCallContext, Task<bool>>? Renew { get; }

            public bool IsLogin { get; }

            public string? UserName { get; }

            public string LogPath => Uri.PathAndQuery;
        }

        private enum Outcome
        {
            Done,
            Retry,
            Renew,
        }

        public static async Task<MoSapiResponse> SendAsync(RequestPlan plan, MoSapiCallContext context)
        {
            var token = context.CancellationToken;
            var attempt = 0;
            var renewed = false;
            while (true)
            {
                token.ThrowIfCancellationRequested();
                MoSapiException? failure;
                TimeSpan? serverWait = null;
                string? credentialUsed = null;
                var watch = Stopwatch.StartNew();
                await plan.InFlight.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    using (var request = new HttpRequestMessage(HttpMethod.Get, plan.Uri))
                    using (var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(token))
                    {
                        request.Headers.Accept.ParseAdd("application/json");
                        credentialUsed = plan.Authorize(request);
                        attemptCts.CancelAfter(plan.Options.Timeout);
                        LogRequestHeaders(plan, request, attempt, context.Log);
                        HttpResponseMessage response;
                        try
                        {
                            response = await plan.Transport.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptCts.Token).ConfigureAwait(false);
                        }
                        catch (Exception ex) when (IsTransportFailure(ex, token))
                        {
                            failure = TransportFailure(plan, ex, token, out var retryable);
                            LogExchange(plan, "failed (" + failure.ErrorId + ")", watch, attempt, context.Log);
                            if (!retryable)
                            {
                                throw failure;
                            }

                            goto Retry;
                        }

                        using (response)
                        {
                            var status = (int)response.StatusCode;
                            LogResponseHeaders(plan, response, context.Log);
                            byte[] body;
                            int length;
                            try
                            {
                                (body, length) = await ReadBodyAsync(response.Content, attemptCts.Token).ConfigureAwait(false);
                            }
                            catch (Exception ex) when (IsTransportFailure(ex, token))
                            {
                                failure = TransportFailure(plan, ex, token, out var retryable);
                                LogExchange(plan, $"{status}, body lost ({failure.ErrorId})", watch, attempt, context.Log);
                                if (!retryable)
                                {
                                    throw failure;
                                }

                                goto Retry;
                            }

                            LogExchange(plan, status.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + response.ReasonPhrase, watch, attempt, context.Log);
                            if (status >= 200 && status < 300)
                            {
                                return new MoSapiResponse
                                {
                                    StatusCode = status,
                                    Body = body,
                                    BodyLength = length,
                                    LastModified = response.Content.Headers.LastModified,
                                    ContentType = response.Content.Headers.ContentType?.MediaType,
                                    SetCookies = response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.ToList() : (IReadOnlyList<string>)Array.Empty<string>(),
                                };
                            }

                            var outcome = Classify(plan, response, status, body, length, renewed, out failure, out serverWait);
                            if (outcome == Outcome.Done)
                            {
                                throw failure!;
                            }

                            if (outcome == Outcome.Renew)
                            {
                                renewed = true;
                                goto Renew;
                            }
                        }
                    }
                }
                finally
                {
                    plan.InFlight.Release();
                }

            Retry:
                if (attempt >= plan.Options.MaximumRetryCount)
                {
                    if (attempt > 0)
                    {
                        failure!.Data["Attempts"] = attempt + 1;
                    }

                    throw failure!;
                }

                var wait = serverWait ?? Backoff(plan.Options, attempt);
                attempt++;
                context.Log.Verbose($"MoSAPI retry {attempt} of {plan.Options.MaximumRetryCount} for GET {plan.LogPath} in {wait.TotalSeconds:0.###} s ({failure!.ErrorId}).");
                await Task.Delay(wait, token).ConfigureAwait(false);
                continue;

            Renew:
                context.Log.Verbose($"MoSAPI session for {plan.Entity} was refused (401); logging in again once.");
                if (!await plan.Renew!(credentialUsed, context).ConfigureAwait(false))
                {
                    throw failure!;
                }
            }
        }

        private static Outcome Classify(RequestPlan plan, HttpResponseMessage response, int status, byte[] body, int length, bool renewed, out MoSapiException failure, out TimeSpan? serverWait)
        {
            serverWait = null;
            var host = plan.Uri.Host;
            switch (status)
            {
                case 401:
                    failure = Fail(plan, MoSapiErrorIds.AuthenticationFailed, status, plan.IsLogin
                        ? $"MoSAPI refused the login of '{plan.UserName}' for {plan.Entity} (401). Check the user name and the password (for registries the RRI password from the Naming Services portal, user '<tld>_ry')."
                        : renewed
                            ? $"MoSAPI refused the request for {plan.Entity} again after a fresh login (401). Check that the account may read {plan.Entity}."
                            : $"MoSAPI refused the credentials for {plan.Entity} (401). Check that the client certificate is authorised for {plan.Entity}, or connect with the account's password.");
                    return plan.Renew != null && !renewed ? Outcome.Renew : Outcome.Done;
                case 403:
                    failure = Fail(plan, MoSapiErrorIds.AccessDenied, status,
                        $"MoSAPI refused requests for {plan.Entity} from this computer's IP address (403). Add the address to the allow-list of {plan.Entity} in the Naming Services portal, or run from an allow-listed host.");
                    return Outcome.Done;
                case 404:
                    failure = Fail(plan, MoSapiErrorIds.NotFound, status,
                        $"MoSAPI has nothing at {plan.LogPath} (404). Check the TLD or registrar ID and that the service is monitored for {plan.Entity}.");
                    return Outcome.Done;
                case 400:
                    failure = BadRequest(plan, body, length);
                    return Outcome.Done;
                case 429:
                    var wait = RetryAfter(response);
                    failure = Fail(plan, MoSapiErrorIds.RateLimited, status, wait.HasValue
                        ? $"MoSAPI is rate-limiting {plan.Entity} (429) and asked to wait {wait.Value.TotalSeconds:0} s. Wait before trying again, and reduce how often logins or requests are made."
                        : $"MoSAPI is rate-limiting {plan.Entity} (429). Wait before trying again, and reduce how often logins or requests are made.");
                    failure.RetryAfter = wait;
                    if (wait.HasValue && wait.Value > TimeSpan.FromSeconds(plan.Options.MaximumRetryAfterSec))
                    {
                        return Outcome.Done;
                    }

                    serverWait = wait;
                    return Outcome.Retry;
                case 502:
                case 503:
                case 504:
                    failure = ServerError(plan, response, status, body, length, host);
                    serverWait = RetryAfter(response) is { } w && w <= TimeSpan.FromSeconds(plan.Options.MaximumRetryAfterSec) ? w : (TimeSpan?)null;
                    return Outcome.Retry;
                default:
                    failure = status >= 500
                        ? ServerError(plan, response, status, body, length, host)
                        : Fail(plan, MoSapiErrorIds.InvalidResponse, status, $"MoSAPI answered {status} {response.ReasonPhrase} for {plan.LogPath}, which the module does not expect.");
                    return Outcome.Done;
            }
        }

        private static MoSapiException ServerError(RequestPlan plan, HttpResponseMessage response, int status, byte[] body, int length, string host)
        {
            var html = LooksLikeHtml(body, length) ? " The answer was an HTML page, typically from a proxy in front of MoSAPI." : string.Empty;
            return Fail(plan, MoSapiErrorIds.ServerError, status,
                $"MoSAPI at {host} answered {status} {response.ReasonPhrase} for {plan.LogPath}.{html} The service may be busy or in maintenance: try again later.");
        }

        private static MoSapiException BadRequest(RequestPlan plan, byte[] body, int length)
        {
            int? resultCode = null;
            string? message = null;
            string? description = null;
            try
            {
                var doc = Json.JsonRead.ParseObject(body, 0, length, "error document");
                resultCode = Json.JsonRead.Int(doc, "resultCode", "error document");
                message = Json.JsonRead.String(doc, "message", "error document");
                description = Json.JsonRead.String(doc, "description", "error document");
            }
            catch (MoSapiException)
            {
                // A 400 from a proxy may carry anything; the status alone still says what happened.
            }

            var text = new StringBuilder("MoSAPI rejected the request ").Append(plan.LogPath).Append(" (400");
            if (resultCode.HasValue)
            {
                text.Append(", resultCode ").Append(resultCode.Value);
            }

            text.Append(')');
            if (!string.IsNullOrEmpty(message))
            {
                text.Append(": ").Append(message!.TrimEnd('.'));
            }

            if (!string.IsNullOrEmpty(description) && description != message)
            {
                text.Append(" (").Append(description!.TrimEnd('.')).Append(')');
            }

            text.Append(". ").Append(ResultCodeHint(resultCode));
            var ex = Fail(plan, MoSapiErrorIds.BadRequest, 400, text.ToString());
            ex.ResultCode = resultCode;
            return ex;
        }

        private static string ResultCodeHint(int? resultCode) => resultCode switch
        {
            2011 => "Ranges are limited to 31 days; the cmdlets split longer ranges themselves.",
            2012 => "Give an end date after the start date.",
            2013 => "Check the start date.",
            2014 => "Check the end date.",
            _ => "Check the parameters.",
        };

        private static MoSapiException Fail(RequestPlan plan, string id, int? status, string message) =>
            new MoSapiException(id, message) { StatusCode = status, Entity = plan.Entity, RequestPath = plan.LogPath };

        private static bool LooksLikeHtml(byte[] body, int length)
        {
            var head = Encoding.UTF8.GetString(body, 0, Math.Min(length, 256)).TrimStart();
            return head.StartsWith("<", StringComparison.Ordinal);
        }

        private static TimeSpan? RetryAfter(HttpResponseMessage response)
        {
            var header = response.Headers.RetryAfter;
            if (header == null)
            {
                return null;
            }

            if (header.Delta.HasValue)
            {
                return header.Delta.Value < TimeSpan.Zero ? TimeSpan.Zero : header.Delta.Value;
            }

            if (header.Date.HasValue)
            {
                var delta = header.Date.Value - DateTimeOffset.UtcNow;
                return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            }

            return null;
        }

        internal static TimeSpan Backoff(MoSapiClientOptions options, int attempt)
        {
            var seconds = Math.Min(MaxBackoffSec, options.RetryIntervalSec * Math.Pow(2, attempt));

            // Full spread of ±25 % keeps hundreds of runbooks from retrying in lockstep.
            var factor = 0.75 + (Jitter.Value!.NextDouble() * 0.5);
            return TimeSpan.FromSeconds(Math.Max(0, seconds * factor));
        }

        private static bool IsTransportFailure(Exception ex, CancellationToken userToken) =>
            (ex is HttpRequestException || ex is IOException || ex is OperationCanceledException || ex is ObjectDisposedException || ex is SocketException)
            && !userToken.IsCancellationRequested;

        private static MoSapiException TransportFailure(RequestPlan plan, Exception ex, CancellationToken userToken, out bool retryable)
        {
            var endpoint = plan.Uri.Host + ":" + plan.Uri.Port;
            if (ex is OperationCanceledException && !userToken.IsCancellationRequested)
            {
                retryable = true;
                return new MoSapiException(
                    MoSapiErrorIds.Timeout,
                    $"MoSAPI at {endpoint} did not answer {plan.LogPath} within {plan.Options.TimeoutSec} s. Check the network, or give Connect-MoSapi a larger -TimeoutSec.",
                    ex)
                { Entity = plan.Entity, RequestPath = plan.LogPath };
            }

            retryable = false;
            string message;
            if (Find<AuthenticationException>(ex) != null)
            {
                message = $"The TLS connection to {endpoint} failed: the server certificate was not accepted (wrong host name, expired, or issued by an untrusted CA), or the client certificate was refused. For a private CA (a test proxy, the simulator) name it with -TrustedCaCertificate.";
            }
            else if (Find<SocketException>(ex) is { } socket && (socket.SocketErrorCode == SocketError.ConnectionRefused || socket.SocketErrorCode == SocketError.HostNotFound || socket.SocketErrorCode == SocketError.NoData || socket.SocketErrorCode == SocketError.TryAgain))
            {
                message = socket.SocketErrorCode == SocketError.ConnectionRefused
                    ? $"Could not connect to {endpoint}: the connection was refused. Check -BaseUri and that the service is running."
                    : $"Could not resolve {plan.Uri.Host}. Check -BaseUri or -Environment and the computer's DNS.";
            }
            else
            {
                retryable = true;
                message = $"The connection to {endpoint} failed during {plan.LogPath} ({Innermost(ex).Message.TrimEnd('.')}). Check the network; the request was retried {plan.Options.MaximumRetryCount} time(s) at most.";
            }

            return new MoSapiException(MoSapiErrorIds.ConnectionFailed, message, ex) { Entity = plan.Entity, RequestPath = plan.LogPath };
        }

        private static T? Find<T>(Exception ex)
            where T : Exception
        {
            for (Exception? e = ex; e != null; e = e.InnerException)
            {
                if (e is T t)
                {
                    return t;
                }
            }

            return null;
        }

        private static Exception Innermost(Exception ex)
        {
            while (ex.InnerException != null)
            {
                ex = ex.InnerException;
            }

            return ex;
        }

        private const int BodyChunk = 64 * 1024;

        /// <summary>
        /// Reads a body into one array of exactly its size. A growing buffer would leave discarded copies on the large
        /// object heap for every big document (decompressed bodies have no Content-Length), so an unknown length is read
        /// in chunks small enough to die young and copied once.
        /// </summary>
        private static async Task<(byte[] Body, int Length)> ReadBodyAsync(HttpContent content, CancellationToken token)
        {
            var expected = content.Headers.ContentLength;
            using (var stream = await content.ReadAsStreamAsync().ConfigureAwait(false))
            {
                if (expected is long n && n >= 0 && n <= 256 * 1024 * 1024)
                {
                    var exact = new byte[n];
                    var filled = 0;
                    while (filled < exact.Length)
                    {
                        var read = await stream.ReadAsync(exact, filled, exact.Length - filled, token).ConfigureAwait(false);
                        if (read == 0)
                        {
                            throw new IOException($"The response ended after {filled} of {n} bytes.");
                        }

                        filled += read;
                    }

                    return (exact, filled);
                }

                var chunks = new List<byte[]>();
                var total = 0;
                var last = 0;
                while (true)
                {
                    var chunk = new byte[BodyChunk];
                    var used = 0;
                    int read;
                    while (used < chunk.Length && (read = await stream.ReadAsync(chunk, used, chunk.Length - used, token).ConfigureAwait(false)) > 0)
                    {
                        used += read;
                    }

                    if (used > 0)
                    {
                        chunks.Add(chunk);
                        total += used;
                        last = used;
                    }

                    if (used < chunk.Length)
                    {
                        break;
                    }
                }

                if (chunks.Count == 1)
                {
                    return (chunks[0], total);
                }

                var body = new byte[total];
                for (var i = 0; i < chunks.Count; i++)
                {
                    Buffer.BlockCopy(chunks[i], 0, body, i * BodyChunk, i == chunks.Count - 1 ? last : BodyChunk);
                }

                return (body, total);
            }
        }

        private static void LogExchange(RequestPlan plan, string outcome, Stopwatch watch, int attempt, IMoSapiLog log)
        {
            if (!log.IsVerboseEnabled)
            {
                return;
            }

            var retry = attempt > 0 ? $", retry {attempt}" : string.Empty;
            log.Verbose($"MoSAPI GET {plan.LogPath} -> {outcome} ({watch.ElapsedMilliseconds} ms{retry})");
        }

        private static void LogRequestHeaders(RequestPlan plan, HttpRequestMessage request, int attempt, IMoSapiLog log)
        {
            if (!log.IsDebugEnabled)
            {
                return;
            }

            var text = new StringBuilder().Append("MoSAPI request GET ").Append(plan.Uri.AbsoluteUri);
            if (attempt > 0)
            {
                text.Append(" (retry ").Append(attempt).Append(')');
            }

            foreach (var header in request.Headers)
            {
                text.Append("\n  ").Append(header.Key).Append(": ").Append(Redact(header.Key, header.Value));
            }

            log.Debug(text.ToString());
        }

        private static void LogResponseHeaders(RequestPlan plan, HttpResponseMessage response, IMoSapiLog log)
        {
            if (!log.IsDebugEnabled)
            {
                return;
            }

            var text = new StringBuilder().Append("MoSAPI response ").Append((int)response.StatusCode).Append(' ').Append(plan.LogPath);
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                text.Append("\n  ").Append(header.Key).Append(": ").Append(Redact(header.Key, header.Value));
            }

            log.Debug(text.ToString());
        }

        /// <summary>Credentials never reach a log: their header names stay, their values do not.</summary>
        internal static string Redact(string name, IEnumerable<string> values)
        {
            if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase))
            {
                var scheme = values.FirstOrDefault()?.Split(' ')[0] ?? string.Empty;
                return scheme + " [redacted]";
            }

            if (name.Equals("Cookie", StringComparison.OrdinalIgnoreCase) || name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase))
            {
                return string.Join(", ", values.Select(RedactCookie));
            }

            return string.Join(", ", values);
        }

        private static string RedactCookie(string value)
        {
            var parts = value.Split(';');
            for (var i = 0; i < parts.Length; i++)
            {
                var eq = parts[i].IndexOf('=');
                var isPair = eq > 0;

                // In Set-Cookie only the first pair is the secret; attributes (Path, Expires) are useful to see.
                if (isPair && (i == 0 || !parts[i].TrimStart().StartsWith("Path", StringComparison.OrdinalIgnoreCase) && !parts[i].TrimStart().StartsWith("Expires", StringComparison.OrdinalIgnoreCase) && !parts[i].TrimStart().StartsWith("Max-Age", StringComparison.OrdinalIgnoreCase) && !parts[i].TrimStart().StartsWith("Domain", StringComparison.OrdinalIgnoreCase) && !parts[i].TrimStart().StartsWith("SameSite", StringComparison.OrdinalIgnoreCase)))
                {
                    parts[i] = parts[i].Substring(0, eq + 1) + "[redacted]";
                }
            }

            return string.Join(";", parts);
        }
    }
}
