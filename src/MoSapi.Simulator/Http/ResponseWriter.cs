using System.IO.Compression;
using System.Text;
using MoSapi.Simulator.Faults;

namespace MoSapi.Simulator.Http;

public static class ResponseWriter
{
    public static async Task WriteAsync(HttpContext ctx, SimResponse r, Fault? mangle = null)
    {
        var res = ctx.Response;
        res.StatusCode = r.Status;
        res.ContentType = r.ContentType;
        foreach (var (name, value) in r.Headers) res.Headers.Append(name, value);
        if (r.LastModified is { } lm) res.Headers.LastModified = lm.ToString("R");

        var body = r.Body;
        if (r.Compressible)
        {
            res.Headers.Vary = "Accept-Encoding";
            if (AcceptsGzip(ctx.Request.Headers.AcceptEncoding.ToString()))
            {
                body = Gzip(body);
                res.Headers.ContentEncoding = "gzip";
            }
        }

        switch (mangle?.Kind)
        {
            case FaultKinds.Truncate:
                body = body[..(body.Length / 2)];
                break;
            case FaultKinds.InvalidJson:
                body = Encoding.UTF8.GetBytes("{\"version\": 2, \"lastUpdateApiDatabase\": 17000, \"status\": Up,, ]");
                res.Headers.ContentEncoding = default;
                break;
            case FaultKinds.Drop:
                // Promise the whole body, send part of it, then cut the connection: a mid-body network failure.
                res.ContentLength = body.Length;
                await res.Body.WriteAsync(body.AsMemory(0, Math.Max(1, body.Length / 3)));
                await res.Body.FlushAsync();
                ctx.Abort();
                return;
        }

        res.ContentLength = body.Length;
        if (!HttpMethods.IsHead(ctx.Request.Method))
            await res.Body.WriteAsync(body);
    }

    private static bool AcceptsGzip(string header)
    {
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var token = part.Split(';', 2, StringSplitOptions.TrimEntries);
            if (!token[0].Equals("gzip", StringComparison.OrdinalIgnoreCase) && token[0] != "*") continue;
            if (token.Length == 2 && token[1].Replace(" ", "", StringComparison.Ordinal) is "q=0" or "q=0.0" or "q=0.00" or "q=0.000") return false;
            return true;
        }
        return false;
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true))
            gz.Write(bytes);
        return ms.ToArray();
    }
}
