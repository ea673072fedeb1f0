using MoSapi.Client;
using Xunit;

namespace MoSapi.Tests;

public class ResultCodeTests
{
    [Fact]
    public void Rdap_minus_526_is_http_404()
    {
        var r = ResultCodes.Lookup(-526, MoSapiService.Rdap, "RDAP")!;
        Assert.Equal(404, r.HttpStatus);
        Assert.Equal("RDAP", r.Interface);
        Assert.Contains("404", r.Description);
        Assert.False(r.IsInternal);
    }

    [Fact]
    public void Rdds80_minus_352_is_http_503()
    {
        var r = ResultCodes.Lookup(-352, MoSapiService.Rdds, "RDDS80")!;
        Assert.Equal(503, r.HttpStatus);
        Assert.Equal(MoSapiService.Rdds, r.Service);
    }

    [Fact]
    public void The_http_families_end_with_any_other_status()
    {
        Assert.Equal(100, ResultCodes.Lookup(-300, MoSapiService.Rdds, "RDDS80")!.HttpStatus);
        Assert.Equal(511, ResultCodes.Lookup(-559, MoSapiService.Rdap, "RDAP")!.HttpStatus);
        var other = ResultCodes.Lookup(-560, MoSapiService.Rdap, "RDAP")!;
        Assert.Null(other.HttpStatus);
        Assert.Contains("not listed", other.Description);
        Assert.Null(ResultCodes.Lookup(-561, MoSapiService.Rdap, "RDAP"));
        Assert.Equal(61, ResultCodes.All.Count(r => r.Interface == "RDAP" && r.Code <= -500));
    }

    [Fact]
    public void Minus_200_means_different_things_for_dns_and_epp()
    {
        var dns = ResultCodes.Lookup(-200, MoSapiService.Dns, "DNS")!;
        var epp = ResultCodes.Lookup(-200, MoSapiService.Epp, "EPP")!;
        Assert.Equal("No reply from the name server", dns.Description);
        Assert.Equal("No IP address for the EPP server", epp.Description);
        Assert.Equal("udp", dns.Transport);
    }

    [Fact]
    public void Dnssec_measurements_also_explain_plain_dns_codes()
    {
        Assert.Equal("No reply from the name server", ResultCodes.Lookup(-200, MoSapiService.Dnssec, "DNSSEC")!.Description);
        Assert.Equal("Bogus DNSSEC signature", ResultCodes.Lookup(-415, MoSapiService.Dnssec, "DNSSEC")!.Description);
        Assert.Equal("Bogus DNSSEC signature", ResultCodes.Lookup(-815, MoSapiService.Dns, "DNS")!.Description);
    }

    [Fact]
    public void Tcp_codes_are_the_udp_ones_shifted()
    {
        Assert.Equal("tcp", ResultCodes.Lookup(-600, MoSapiService.Dns, "DNS")!.Transport);
        Assert.Equal("Error opening a connection to the name server", ResultCodes.Lookup(-601, MoSapiService.Dns, "DNS")!.Description);
        Assert.Equal("Querying a non-existent domain: expected NXDOMAIN, got BADCOOKIE", ResultCodes.Lookup(-669, MoSapiService.Dns, "DNS")!.Description);
        Assert.Equal("Querying a non-existent domain: expected NXDOMAIN, got FORMERR", ResultCodes.Lookup(-253, MoSapiService.Dns, "DNS")!.Description);
    }

    [Fact]
    public void Minus_1_and_the_internal_range_are_internal_for_every_service()
    {
        var r = ResultCodes.Lookup(-1, MoSapiService.Dns, "DNS")!;
        Assert.True(r.IsInternal);
        Assert.Equal("Internal error", r.Description);
        Assert.True(ResultCodes.Lookup(-150, MoSapiService.Epp, null)!.IsInternal);
        Assert.Equal(6, ResultCodes.Find(new[] { -1 }, null, null).Count());
        Assert.False(ResultCodes.Lookup(-200, MoSapiService.Dns, "DNS")!.IsInternal);
    }

    [Fact]
    public void Rdds_interfaces_are_told_apart()
    {
        Assert.Equal("Timeout reply from the whois server", ResultCodes.Lookup(-227, MoSapiService.Rdds, "RDDS43")!.Description);
        Assert.Null(ResultCodes.Lookup(-227, MoSapiService.Rdds, "RDDS80"));
        Assert.Equal("NXDOMAIN resolving the web whois host", ResultCodes.Lookup(-253, MoSapiService.Rdds, "RDDS80")!.Description);
    }

    [Fact]
    public void Unknown_codes_and_words_have_no_meaning()
    {
        Assert.Null(ResultCodes.Lookup(-999, MoSapiService.Dns, "DNS"));
        Assert.Null(ResultCodes.Parse("ok"));
        Assert.Null(ResultCodes.Parse("no data"));
        Assert.Equal(-200, ResultCodes.Parse("-200"));
    }

    [Fact]
    public void Find_filters_by_service_and_interface()
    {
        var rdds80 = ResultCodes.Find(null, new[] { MoSapiService.Rdds }, new[] { "rdds80" }).ToList();
        Assert.All(rdds80, r => Assert.Equal("RDDS80", r.Interface));
        Assert.Equal(1 + 9 + 61, rdds80.Count);
        Assert.Empty(ResultCodes.Find(new[] { -526 }, new[] { MoSapiService.Dns }, null));
    }
}
