using MoSapi.Client;
using Xunit;

namespace MoSapi.Tests;

public class RoutesTests
{
    [Fact]
    public void EntityBase_puts_registry_and_registrar_below_the_host()
    {
        Assert.Equal("https://mosapi.icann.org/ry/example/", MoSapiRoutes.EntityBase(MoSapiRoutes.Production, MoSapiEntity.ForTld("Example.")).AbsoluteUri);
        Assert.Equal("https://mosapi-ote.icann.org/rr/9999/", MoSapiRoutes.EntityBase(MoSapiRoutes.Ote, MoSapiEntity.ForRegistrar(9999)).AbsoluteUri);
        Assert.Equal("https://proxy.test/mosapi/ry/xn--p1ai/", MoSapiRoutes.EntityBase(new Uri("https://proxy.test/mosapi/"), MoSapiEntity.ForTld("XN--P1AI")).AbsoluteUri);
    }

    [Fact]
    public void Session_paths_are_unversioned_and_data_paths_are_v2()
    {
        Assert.Equal("login", MoSapiRoutes.Login);
        Assert.Equal("logout", MoSapiRoutes.Logout);
        Assert.Equal("v2/monitoring/state", MoSapiRoutes.State);
        Assert.Equal("v2/monitoring/dns/alarmed", MoSapiRoutes.Alarmed("dns"));
        Assert.Equal("v2/monitoring/rdap/downtime", MoSapiRoutes.Downtime("rdap"));
        Assert.Equal("v2/monitoring/dns/incidents", MoSapiRoutes.Incidents("dns"));
        Assert.Equal("v2/monitoring/dns/incidents/1700000040.7731/state", MoSapiRoutes.IncidentState("dns", "1700000040.7731"));
        Assert.Equal("v2/monitoring/dns/incidents/1700000040.7731/falsePositive", MoSapiRoutes.IncidentFalsePositive("dns", "1700000040.7731"));
        Assert.Equal("v2/monitoring/dns/incidents/1700000040.7731/measurements", MoSapiRoutes.IncidentMeasurements("dns", "1700000040.7731"));
        Assert.Equal("v2/monitoring/dns/incidents/1700000040.7731/1700000100", MoSapiRoutes.IncidentMeasurement("dns", "1700000040.7731", "1700000100"));
        Assert.Equal("v2/monitoring/dns/measurements/2026/03/07/1764201600", MoSapiRoutes.RecentMeasurement("dns", 2026, 3, 7, "1764201600"));
        Assert.Equal("v2/metrica/domainList/latest", MoSapiRoutes.MetricaLatest);
        Assert.Equal("v2/metrica/domainList/2026-11-02", MoSapiRoutes.MetricaDay(new DateTime(2026, 11, 2)));
        Assert.Equal("v2/metrica/domainLists", MoSapiRoutes.MetricaLists);
        Assert.Equal("v2/networkTroubleshooting/mtr/2026/11/27", MoSapiRoutes.MtrDay(2026, 11, 27));
        Assert.Equal("v2/networkTroubleshooting/mtr/2026/11/27/Tokyo-2001%3Adb8%3A%3A53-1-2.json.gz", MoSapiRoutes.MtrFile(2026, 11, 27, "Tokyo-2001:db8::53-1-2.json.gz"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-bad")]
    [InlineData("bad-")]
    [InlineData("ex ample")]
    [InlineData("a.b")]
    [InlineData("ex/ample")]
    public void Invalid_tlds_are_refused_with_a_clear_error(string tld)
    {
        var ex = Assert.Throws<MoSapiException>(() => MoSapiEntity.ForTld(tld));
        Assert.Equal(MoSapiErrorIds.InvalidArgument, ex.ErrorId);
        Assert.Contains("A-label", ex.Message);
    }

    [Fact]
    public void Registrar_ids_must_be_positive()
    {
        Assert.Equal(MoSapiErrorIds.InvalidArgument, Assert.Throws<MoSapiException>(() => MoSapiEntity.ForRegistrar(0)).ErrorId);
        Assert.Equal("rr/42", MoSapiEntity.ForRegistrar(42).PathSegment);
    }

    [Theory]
    [InlineData("http://mosapi.example/")]
    [InlineData("ftp://127.0.0.1/")]
    public void Plain_http_is_refused_except_on_loopback(string uri)
    {
        var ex = Assert.Throws<MoSapiException>(() => MoSapiConnectionFactory.ResolveHost(null, new Uri(uri), out _));
        Assert.Equal(MoSapiErrorIds.InvalidArgument, ex.ErrorId);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://[::1]:8080/x", "http://[::1]:8080/x/")]
    [InlineData("http://localhost:1/", "http://localhost:1/")]
    [InlineData("https://mosapi-ote.icann.org", "https://mosapi-ote.icann.org/")]
    public void Loopback_http_and_any_https_are_accepted(string uri, string expected)
    {
        Assert.Equal(expected, MoSapiConnectionFactory.ResolveHost(null, new Uri(uri), out var env).AbsoluteUri);
        Assert.Equal("Custom", env);
    }

    [Fact]
    public void Environments_map_to_the_two_hosts()
    {
        Assert.Equal(MoSapiRoutes.Production, MoSapiConnectionFactory.ResolveHost("Production", null, out var p));
        Assert.Equal("Production", p);
        Assert.Equal(MoSapiRoutes.Ote, MoSapiConnectionFactory.ResolveHost("ote", null, out var o));
        Assert.Equal("OTE", o);
    }
}
