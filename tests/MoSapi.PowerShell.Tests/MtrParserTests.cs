using System.IO.Compression;
using System.Net;
using System.Text;
using MoSapi.Client;
using MoSapi.Client.Json;
using Xunit;

namespace MoSapi.Tests;

public class MtrParserTests
{
    private const string SpecReport = """
        { "report": { "mtr": { "src": "probe", "dst": "192.0.2.53", "tos": 0, "tests": 10, "psize": "64", "bitpattern": "0x00" },
          "hubs": [ { "count": 1, "host": "198.51.100.1", "ASN": "AS64500", "Loss%": 0.0, "Snt": 10,
                      "Last": 1.2, "Avg": 1.4, "Best": 1.1, "Wrst": 2.0, "StDev": 0.3 },
                    { "count": "2", "host": "???", "ASN": "AS???", "Loss%": 100, "Snt": 10,
                      "Last": 0, "Avg": 0, "Best": 0, "Wrst": 0, "StDev": 0 },
                    { "count": 3, "host": "192.0.2.53", "ASN": "AS64501", "Loss%": 10.5, "Snt": 10,
                      "Last": 23.25, "Avg": 24.5, "Best": 22.0, "Wrst": 31.75, "StDev": 2.5 } ] } }
        """;

    private static MtrFileName Name(string text)
    {
        Assert.True(MtrFileName.TryParse(text, out var name), text);
        return name!;
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            gzip.Write(bytes, 0, bytes.Length);
        }

        return output.ToArray();
    }

    [Fact]
    public void IPv4_file_names_give_probe_target_and_times()
    {
        var name = Name("Amsterdam-192.0.2.53-1764201600-1764201612.json.gz");
        Assert.Equal("Amsterdam", name.Probe);
        Assert.Equal(IPAddress.Parse("192.0.2.53"), name.TargetIp);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764201600), name.CycleTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764201612), name.RunTime);
        Assert.Equal("Amsterdam-192.0.2.53-1764201600-1764201612.json", name.JsonFileName);
    }

    [Theory]
    [InlineData("Tokyo-2001:db8::53-1764201600-1764201661.json.gz", "Tokyo", "2001:db8::53")]
    [InlineData("Sao-Paulo-2001:db8:0:0:0:0:0:35-1764201600-1764201661.json.gz", "Sao-Paulo", "2001:db8::35")]
    [InlineData("Los_Angeles-::1-1764201600-1764201661.json.gz", "Los_Angeles", "::1")]
    [InlineData("Nairobi-2001:DB8:1::a-1764201600-1764201661.JSON.GZ", "Nairobi", "2001:db8:1::a")]
    public void IPv6_file_names_with_colons_and_probe_names_with_dashes_parse_from_the_right(string text, string probe, string ip)
    {
        var name = Name(text);
        Assert.Equal(probe, name.Probe);
        Assert.Equal(IPAddress.Parse(ip), name.TargetIp);
        Assert.Equal(ip, name.TargetIp.ToString());
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764201661), name.RunTime);
        Assert.DoesNotContain(':', name.JsonFileName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Amsterdam-192.0.2.53-1764201600-1764201612.json")]
    [InlineData("Amsterdam-192.0.2.53-1764201600.json.gz")]
    [InlineData("-192.0.2.53-1764201600-1764201612.json.gz")]
    [InlineData("192.0.2.53-1764201600-1764201612.json.gz")]
    [InlineData("Amsterdam-192.0.2-1764201600-1764201612.json.gz")]
    [InlineData("Amsterdam-12-1764201600-1764201612.json.gz")]
    [InlineData("Amsterdam-dns1.example-1764201600-1764201612.json.gz")]
    [InlineData("Amsterdam-192.0.2.53-17642O1600-1764201612.json.gz")]
    [InlineData("Amsterdam-192.0.2.53--1-1764201612.json.gz")]
    [InlineData("Amsterdam-192.0.2.53-1764201600-+1764201612.json.gz")]
    [InlineData("../Amsterdam-192.0.2.53-1764201600-1764201612.json.gz")]
    [InlineData("Amsterdam-fe80::1%eth0-1764201600-1764201612.json.gz")]
    public void Names_off_the_pattern_are_rejected(string text) =>
        Assert.False(MtrFileName.TryParse(text, out _));

    [Fact]
    public void A_report_maps_onto_the_model_with_file_name_facts()
    {
        var name = Name("Amsterdam-192.0.2.53-1764201600-1764201612.json.gz");
        var report = MtrParser.ParseReport(GzipContent.Gunzip(Gzip(SpecReport), 0, Gzip(SpecReport).Length, "t"), name, MoSapiEntity.ForTld("example"));

        Assert.Equal("example", report.Tld);
        Assert.Null(report.RegistrarId);
        Assert.Equal("Amsterdam", report.Probe);
        Assert.Equal("192.0.2.53", report.TargetIp);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764201600), report.CycleTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764201612), report.RunTime);
        Assert.Equal("probe", report.Source);
        Assert.Equal("192.0.2.53", report.Destination);
        Assert.Equal(10, report.Tests);
        Assert.Equal(name.FileName, report.FileName);
        Assert.Equal(new[] { 1, 2, 3 }, report.Hops.Select(h => h.Hop));

        var first = report.Hops[0];
        Assert.Equal("198.51.100.1", first.Host);
        Assert.Equal("AS64500", first.Asn);
        Assert.Equal(0.0, first.LossPercent);
        Assert.Equal(10, first.Sent);
        Assert.Equal(1.2, first.Last);
        Assert.Equal(1.4, first.Avg);
        Assert.Equal(1.1, first.Best);
        Assert.Equal(2.0, first.Worst);
        Assert.Equal(0.3, first.StdDev);

        Assert.Equal("???", report.Hops[1].Host);
        Assert.Equal(100, report.Hops[1].LossPercent);
        var last = report.Hops[2];
        Assert.Equal((10.5, 23.25, 24.5, 22.0, 31.75, 2.5), (last.LossPercent, last.Last, last.Avg, last.Best, last.Worst, last.StdDev));
    }

    [Fact]
    public void A_registrar_report_carries_the_registrar_id()
    {
        var name = Name("Tokyo-2001:db8::53-1764201600-1764201661.json.gz");
        var report = MtrParser.ParseReport(Encoding.UTF8.GetBytes("""{"report":{"mtr":{"dst":"2001:db8::53"},"hubs":[{"host":"2001:db8::1"}]}}"""), name, MoSapiEntity.ForRegistrar(9999));
        Assert.Equal(9999, report.RegistrarId);
        Assert.Null(report.Tld);
        Assert.Equal("2001:db8::53", report.TargetIp);
        Assert.Null(report.Tests);
        var hop = Assert.Single(report.Hops);
        Assert.Equal(1, hop.Hop);
        Assert.Null(hop.Asn);
    }

    [Fact]
    public void Corrupt_gzip_is_an_invalid_response_naming_the_file()
    {
        var good = Gzip(SpecReport);
        var corrupt = good.ToArray();
        for (var i = 10; i < corrupt.Length - 8; i++)
        {
            corrupt[i] ^= 0x5A;
        }

        var what = MtrParser.What("Amsterdam-192.0.2.53-1764201600-1764201612.json.gz");
        var ex = Assert.Throws<MoSapiException>(() =>
        {
            var json = GzipContent.Gunzip(corrupt, 0, corrupt.Length, what);
            MtrParser.ParseReport(json, Name("Amsterdam-192.0.2.53-1764201600-1764201612.json.gz"), MoSapiEntity.ForTld("example"));
        });
        Assert.Equal(MoSapiErrorIds.InvalidResponse, ex.ErrorId);
        Assert.Contains("Amsterdam-192.0.2.53-1764201600-1764201612.json.gz", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_gzip_and_non_gzip_bytes_are_invalid_responses()
    {
        var good = Gzip(SpecReport);
        var truncated = good.Take(good.Length / 2).ToArray();
        var what = MtrParser.What("x.json.gz");
        Assert.Equal(MoSapiErrorIds.InvalidResponse, Assert.Throws<MoSapiException>(() =>
            MtrParser.ParseReport(GzipContent.Gunzip(truncated, 0, truncated.Length, what), Name("A-192.0.2.1-1-2.json.gz"), MoSapiEntity.ForTld("example"))).ErrorId);
        var html = Encoding.UTF8.GetBytes("<html>502</html>");
        Assert.Equal(MoSapiErrorIds.InvalidResponse, Assert.Throws<MoSapiException>(() => GzipContent.Gunzip(html, 0, html.Length, what)).ErrorId);
    }

    [Fact]
    public void Gzip_that_inflates_past_the_ceiling_is_refused()
    {
        var bomb = Gzip(new string(' ', 200_000));
        var ex = Assert.Throws<MoSapiException>(() => GzipContent.Gunzip(bomb, 0, bomb.Length, "t", maxBytes: 100_000));
        Assert.Equal(MoSapiErrorIds.InvalidResponse, ex.ErrorId);
        Assert.Contains("decompresses to more than", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_already_decoded_by_the_transport_is_taken_as_is()
    {
        var json = Encoding.UTF8.GetBytes("  " + SpecReport);
        Assert.Equal(json, GzipContent.Gunzip(json, 0, json.Length, "t"));
    }

    [Theory]
    [InlineData("""{"hubs":[]}""", "report")]
    [InlineData("""{"report":{"hubs":{}}}""", "hubs")]
    [InlineData("""{"report":{"hubs":[{"count":1,"Loss%":"lots"}]}}""", "Loss%")]
    [InlineData("""{"report":{"hubs":[]}} trailing""", "after")]
    public void Malformed_reports_are_invalid_responses(string json, string detail)
    {
        var ex = Assert.Throws<MoSapiException>(() => MtrParser.ParseReport(Encoding.UTF8.GetBytes(json), Name("A-192.0.2.1-1-2.json.gz"), MoSapiEntity.ForTld("example")));
        Assert.Equal(MoSapiErrorIds.InvalidResponse, ex.ErrorId);
        Assert.Contains(detail, ex.Message, StringComparison.Ordinal);
        Assert.Contains("A-192.0.2.1-1-2.json.gz", ex.Message, StringComparison.Ordinal);
    }
}
