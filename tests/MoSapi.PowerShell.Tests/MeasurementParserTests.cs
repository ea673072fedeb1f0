using MoSapi.Client;
using MoSapi.Client.Json;
using Xunit;

namespace MoSapi.Tests;

public class MeasurementParserTests
{
    private static readonly MoSapiEntity Example = MoSapiEntity.ForTld("example");

    private const string V2 = """
        { "version": 2, "lastUpdateApiDatabase": 1700000100, "tld": "example", "service": "dns",
          "cycleCalculationDateTime": 1700000040, "status": "Down", "minNameServersUp": 2,
          "nameServerAvailability": {
            "nameServerStatus": [ { "target": "ns1.example", "status": "Down" } ],
            "probes": [ { "city": "Amsterdam", "testData": [ { "target": "ns1.example", "status": "Down" } ] } ] },
          "testedInterface": [ { "interface": "DNS", "probes": [
              { "city": "Amsterdam", "status": "Down", "testedName": "test.example.", "transport": "udp",
                "testData": [ { "target": "ns1.example", "status": "Down", "metrics": [
                    { "testDateTime": 1700000051, "targetIP": "192.0.2.53", "rtt": null, "result": "-200", "nsid": "" },
                    { "testDateTime": 1700000051, "targetIP": "2001:db8::53", "rtt": 41, "result": "ok", "nsid": "6e7331" } ] } ] },
              { "city": "Moscow", "status": "No result", "testData": [ { "target": "ns1.example", "status": "No result", "metrics": [
                    { "testDateTime": 1700000052, "targetIP": null, "rtt": null, "result": "no data" } ] } ] },
              { "city": "Nairobi", "status": "Offline", "testData": [] } ] } ] }
        """;

    private static MoSapiMeasurement Parse(string json, MoSapiService service = MoSapiService.Dns, string? id = "1700000040", string? incident = "1700000040.7731") =>
        MeasurementParser.ParseMeasurement(MonitoringParserTests.Doc(json), Example, service, id, incident);

    [Fact]
    public void V2_document_maps_the_nested_structure()
    {
        var m = Parse(V2);
        Assert.Equal("example", m.Tld);
        Assert.Equal(MoSapiService.Dns, m.Service);
        Assert.Equal("1700000040", m.MeasurementId);
        Assert.Equal("1700000040.7731", m.IncidentId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000040), m.CycleTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000100), m.LastUpdated);
        Assert.Equal("Down", m.Status);
        Assert.Equal(2, m.Version);
        Assert.Equal(2, m.MinNameServersUp);
        var ns = Assert.Single(m.NameServers);
        Assert.Equal("ns1.example", ns.Target);
        Assert.Equal("Down", ns.Status);
        Assert.Null(ns.Probe);
        Assert.Equal("Amsterdam", Assert.Single(m.NameServerProbes).Probe);

        var dns = Assert.Single(m.Interfaces);
        Assert.Equal("DNS", dns.Interface);
        Assert.Equal(new[] { "Amsterdam", "Moscow", "Nairobi" }, dns.Probes.Select(p => p.Probe));
        var ams = dns.Probes[0];
        Assert.Equal("test.example.", ams.TestedName);
        Assert.Equal("udp", ams.Transport);
        var metrics = Assert.Single(ams.Targets).Metrics;
        Assert.Equal(2, metrics.Count);
        Assert.Equal(-200, metrics[0].ResultCode);
        Assert.Null(metrics[0].Rtt);
        Assert.Equal(41, metrics[1].Rtt);
        Assert.Null(metrics[1].ResultCode);
        Assert.Equal("6e7331", metrics[1].Nsid);
        Assert.Equal("", metrics[0].Nsid);
        Assert.Null(dns.Probes[1].TestedName);
        Assert.Null(dns.Probes[1].Transport);
        Assert.Empty(dns.Probes[2].Targets);
    }

    [Fact]
    public void V2_document_flattens_into_result_rows()
    {
        var rows = Parse(V2).Results;
        Assert.Equal(4, rows.Count);

        var fail = rows[0];
        Assert.Equal(("Amsterdam", "Down", "ns1.example", "Down", "192.0.2.53"), (fail.Probe, fail.ProbeStatus, fail.Target, fail.TargetStatus, fail.TargetIp));
        Assert.Equal("DNS", fail.Interface);
        Assert.Equal("-200", fail.Result);
        Assert.Equal(-200, fail.ResultCode);
        Assert.Equal("No reply from the name server", fail.ResultDescription);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000051), fail.TestTime);
        Assert.Equal("example", fail.Tld);
        Assert.Equal("1700000040", fail.MeasurementId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000040), fail.CycleTime);
        Assert.Equal("udp", fail.Transport);
        Assert.Equal("test.example.", fail.TestedName);

        var ok = rows[1];
        Assert.Equal(("2001:db8::53", 41, "ok"), (ok.TargetIp, ok.Rtt, ok.Result));
        Assert.Null(ok.ResultCode);
        Assert.Null(ok.ResultDescription);
        Assert.Equal("6e7331", ok.Nsid);

        var noResult = rows[2];
        Assert.Equal(("Moscow", "No result", "No result"), (noResult.Probe, noResult.ProbeStatus, noResult.TargetStatus));
        Assert.Null(noResult.TargetIp);
        Assert.Null(noResult.Rtt);
        Assert.Equal("no data", noResult.Result);
        Assert.Null(noResult.ResultCode);

        var offline = rows[3];
        Assert.Equal(("Nairobi", "Offline"), (offline.Probe, offline.ProbeStatus));
        Assert.Null(offline.Target);
        Assert.Null(offline.Result);
    }

    [Fact]
    public void V1_document_lacks_the_v2_fields()
    {
        var m = Parse("""
            { "version": 1, "lastUpdateApiDatabase": 1700000400, "tld": "example", "service": "rdds",
              "cycleCalculationDateTime": 1700000100, "status": "Up",
              "testedInterface": [
                { "interface": "RDDS43", "probes": [ { "city": "Tokyo", "status": "Up", "testData": [ { "target": "whois.nic.example", "status": "Up",
                    "metrics": [ { "testDateTime": 1700000110, "targetIP": "198.51.100.114", "rtt": 120, "result": "ok" } ] } ] } ] },
                { "interface": "rdds80", "probes": [ { "city": "Tokyo", "status": "Down", "testData": [ { "target": "whois.nic.example", "status": "Down",
                    "metrics": [ { "testDateTime": 1700000111, "targetIP": "198.51.100.114", "rtt": null, "result": "-352" } ] } ] } ] } ] }
            """, MoSapiService.Dns, id: null, incident: null);
        Assert.Equal(1, m.Version);
        Assert.Equal(MoSapiService.Rdds, m.Service);
        Assert.Equal("1700000100", m.MeasurementId);
        Assert.Null(m.IncidentId);
        Assert.Null(m.MinNameServersUp);
        Assert.Empty(m.NameServers);
        Assert.Empty(m.NameServerProbes);
        Assert.Equal(new[] { "RDDS43", "RDDS80" }, m.Interfaces.Select(i => i.Interface));
        var rows = m.Results;
        Assert.Equal(2, rows.Count);
        Assert.Null(rows[0].Transport);
        Assert.Null(rows[0].TestedName);
        Assert.Null(rows[0].Nsid);
        Assert.Equal(120, rows[0].Rtt);
        Assert.Equal(-352, rows[1].ResultCode);
        Assert.Equal("Expected HTTP status 200, got 503", rows[1].ResultDescription);
        Assert.Equal(MoSapiService.Rdds, rows[1].Service);
    }

    [Fact]
    public void Document_without_cycle_time_is_an_invalid_response()
    {
        var ex = Assert.Throws<MoSapiException>(() => Parse("""{ "version": 2, "status": "Up" }"""));
        Assert.Equal(MoSapiErrorIds.InvalidResponse, ex.ErrorId);
        Assert.Contains("cycleCalculationDateTime", ex.Message);
    }

    [Fact]
    public void Metrics_that_are_not_objects_are_an_invalid_response()
    {
        var ex = Assert.Throws<MoSapiException>(() => Parse("""
            { "cycleCalculationDateTime": 1, "testedInterface": [ { "interface": "DNS", "probes": [ { "city": "X", "testData": [ { "target": "t", "metrics": [ 5 ] } ] } ] } ] }
            """));
        Assert.Equal(MoSapiErrorIds.InvalidResponse, ex.ErrorId);
    }

    [Fact]
    public void Incident_list_of_objects()
    {
        var list = MeasurementParser.ParseIncidentList(MonitoringParserTests.Doc("""
            { "version": 2, "measurements": [ { "measurementID": "1700000040.7731", "measurementTime": 1700000040 },
                                              { "measurementID": "1700000100.json", "measurementTime": 1700000100 } ] }
            """), Example, MoSapiService.Dns, "1700000040.7731");
        Assert.Equal(new[] { "1700000040.7731", "1700000100" }, list.Select(i => i.MeasurementId));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000100), list[1].CycleTime);
        Assert.All(list, i => Assert.Equal("1700000040.7731", i.IncidentId));
        Assert.All(list, i => Assert.Equal(MoSapiService.Dns, i.Service));
        Assert.All(list, i => Assert.Equal("example", i.Tld));
    }

    [Fact]
    public void Incident_list_of_bare_strings_strips_json_and_reads_the_cycle_from_the_id()
    {
        var list = MeasurementParser.ParseIncidentList(MonitoringParserTests.Doc("""
            { "measurements": [ "1795607700.json", "1795608000" ] }
            """), Example, MoSapiService.Rdap, "1795607700.8811");
        Assert.Equal(new[] { "1795607700", "1795608000" }, list.Select(i => i.MeasurementId));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795607700), list[0].CycleTime);
    }

    [Fact]
    public void Incident_list_of_numbers_is_an_invalid_response()
    {
        var ex = Assert.Throws<MoSapiException>(() => MeasurementParser.ParseIncidentList(MonitoringParserTests.Doc("""{ "measurements": [ 5 ] }"""), Example, MoSapiService.Dns, "1"));
        Assert.Equal(MoSapiErrorIds.InvalidResponse, ex.ErrorId);
    }

    [Fact]
    public void Tree_listings_strip_json()
    {
        Assert.Equal(new[] { "2026", "2025" }, MeasurementParser.ParseListing(MonitoringParserTests.Doc("""{ "years": ["2026", "2025"] }"""), "years"));
        Assert.Equal(new[] { "1764201660", "1764201600" }, MeasurementParser.ParseListing(MonitoringParserTests.Doc("""{ "measurements": ["1764201660.json", "1764201600.json"] }"""), "measurements"));
        Assert.Equal(MoSapiErrorIds.InvalidResponse, Assert.Throws<MoSapiException>(() => MeasurementParser.ParseListing(MonitoringParserTests.Doc("{}"), "days")).ErrorId);
    }

    [Fact]
    public void Cycle_of_an_id()
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764201600), MeasurementParser.CycleOf("1764201600"));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000040), MeasurementParser.CycleOf("1700000040.7731"));
        Assert.Null(MeasurementParser.CycleOf("abc"));
    }
}
