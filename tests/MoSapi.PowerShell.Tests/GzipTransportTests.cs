using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Security;
using System.Text;
using MoSapi.Client;
using Xunit;

namespace MoSapi.Tests;

/// <summary>
/// The module's own transport against a loopback server that shows exactly what went over the wire: METRICA must be
/// asked for with Accept-Encoding: gzip and decoded by the module (not by a host default), and mtr files are gzip
/// content whether or not a server also gzip-encodes the transfer.
/// </summary>
public sealed class GzipTransportTests : IDisposable
{
    private const string Report = """{"version":2,"tld":"example","domainListDate":"2026-11-26","uniqueAbuseDomains":1,"domainListData":[{"threatType":"malware","count":1,"domains":["dl.example"]}]}""";
    private const string MtrJson = """{"report":{"mtr":{"src":"amsterdam","dst":"192.0.2.53","tests":10},"hubs":[{"count":1,"host":"192.0.2.53","ASN":"AS64496","Loss%":0,"Snt":10,"Last":1,"Avg":1.5,"Best":1,"Wrst":2,"StDev":0.2}]}}""";
    private static readonly DateTimeOffset Modified = new(2026, 11, 27, 0, 31, 7, TimeSpan.Zero);

    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, string> _acceptEncoding = new();
    private readonly ConcurrentDictionary<string, bool> _sentGzip = new();
    private readonly Task _serve;
    private readonly Uri _base;

    public GzipTransportTests()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _base = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(_base.AbsoluteUri);
        _listener.Start();
        _serve = Task.Run(ServeAsync);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }

            var path = ctx.Request.Url!.AbsolutePath;
            var accept = ctx.Request.Headers["Accept-Encoding"] ?? string.Empty;
            _acceptEncoding[path] = accept;
            var gzipOk = accept.Contains("gzip", StringComparison.OrdinalIgnoreCase);
            byte[] body;
            if (path.EndsWith("/login", StringComparison.Ordinal))
            {
                ctx.Response.Headers.Add("Set-Cookie", "id=0123456789abcdef0123456789abcdef01234567; Path=/ry/example; HttpOnly");
                body = Encoding.UTF8.GetBytes("logged in");
            }
            else if (path.EndsWith("/domainList/latest", StringComparison.Ordinal))
            {
                body = Encoding.UTF8.GetBytes(Report);
                ctx.Response.ContentType = "application/json";
                ctx.Response.Headers.Add("Last-Modified", Modified.ToString("r"));
                if (gzipOk)
                {
                    body = Gzip(body);
                    ctx.Response.Headers.Add("Content-Encoding", "gzip");
                    _sentGzip[path] = true;
                }
            }
            else if (path.EndsWith(".json.gz", StringComparison.Ordinal))
            {
                // One file plain gzip content; the other also marked Content-Encoding, as gzip_static servers do.
                body = Gzip(Encoding.UTF8.GetBytes(MtrJson));
                ctx.Response.ContentType = "application/gzip";
                if (path.Contains("Tokyo", StringComparison.Ordinal) && gzipOk)
                {
                    ctx.Response.Headers.Add("Content-Encoding", "gzip");
                    _sentGzip[path] = true;
                }
            }
            else
            {
                ctx.Response.StatusCode = 404;
                body = Encoding.UTF8.GetBytes("not found");
            }

            ctx.Response.ContentLength64 = body.Length;
            await ctx.Response.OutputStream.WriteAsync(body);
            ctx.Response.Close();
        }
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        {
            gz.Write(bytes);
        }

        return ms.ToArray();
    }

    private MoSapiConnection Connect()
    {
        var password = new SecureString();
        foreach (var c in "not-a-real-password")
        {
            password.AppendChar(c);
        }

        var host = MoSapiConnectionFactory.ResolveHost(null, _base, out var environment);
        return MoSapiConnectionFactory.WithPassword(MoSapiEntity.ForTld("example"), host, environment, "example_ry", password, null, new MoSapiClientOptions { MaximumRetryCount = 0 });
    }

    [Fact]
    public async Task METRICA_is_requested_with_gzip_and_decoded_by_the_module()
    {
        var report = await MoSapiClient.GetMetricaLatestAsync(Connect(), MoSapiCallContext.None);

        const string path = "/ry/example/v2/metrica/domainList/latest";
        Assert.Contains("gzip", _acceptEncoding[path], StringComparison.OrdinalIgnoreCase);
        Assert.True(_sentGzip.ContainsKey(path));
        Assert.Equal("example", report.Tld);
        Assert.Equal(new DateTime(2026, 11, 26), report.Date);
        Assert.Equal(1, report.UniqueAbuseDomains);
        Assert.Equal("dl.example", Assert.Single(Assert.Single(report.Threats).Domains));
        Assert.Equal(Modified, report.LastModified);
    }

    [Fact]
    public async Task A_404_for_a_day_while_latest_exists_says_the_day_has_no_report()
    {
        var results = await MoSapiClient.GetMetricaReportsAsync(Connect(), new[] { new DateTime(2026, 11, 20) }, MoSapiCallContext.None);
        var error = Assert.Single(results).Error!;
        Assert.Equal(MoSapiErrorIds.NotFound, error.ErrorId);
        Assert.Contains("no METRICA report of 2026-11-20 for ry/example", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not enabled", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Amsterdam-192.0.2.53-1764201600-1764201612.json.gz")]
    [InlineData("Tokyo-192.0.2.53-1764201600-1764201645.json.gz")]
    public async Task mtr_files_are_gunzipped_with_or_without_a_transfer_encoding(string file)
    {
        Assert.True(MtrFileName.TryParse(file, out var name));
        var (report, json) = await MoSapiClient.GetMtrReportAsync(Connect(), new DateTime(2025, 11, 27), name!, MoSapiCallContext.None);
        Assert.Equal(MtrJson, Encoding.UTF8.GetString(json));
        Assert.Equal("192.0.2.53", report.TargetIp);
        Assert.Equal(1.5, Assert.Single(report.Hops).Avg);
        Assert.Equal(file.StartsWith("Tokyo", StringComparison.Ordinal), _sentGzip.ContainsKey("/ry/example/v2/networkTroubleshooting/mtr/2025/11/27/" + file));
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _serve.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }
}
