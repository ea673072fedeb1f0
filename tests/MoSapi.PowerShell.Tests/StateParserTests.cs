using System.Text;
using MoSapi.Client;
using MoSapi.Client.Json;
using Xunit;

namespace MoSapi.Tests;

public class StateParserTests
{
    private static MoSapiState Parse(string json, MoSapiEntity entity) =>
        StateParser.ParseState(JsonRead.ParseObject(Encoding.UTF8.GetBytes(json), "state document"), entity);

    private const string SpecExample = """
        { "version": 2, "lastUpdateApiDatabase": 1700000460, "tld": "example", "status": "Down",
          "testedServices": {
            "DNS":    { "status": "Down", "emergencyThreshold": 12.5,
                        "incidents": [ { "incidentID": "1700000040.7731", "startTime": 1700000040, "endTime": null,
                                         "falsePositive": false, "state": "Active" } ] },
            "DNSSEC": { "status": "Up", "emergencyThreshold": 0, "incidents": [] },
            "RDDS":   { "status": "Disabled" },
            "RDAP":   { "status": "UP-INCONCLUSIVE-NO-DATA", "emergencyThreshold": 4.1667, "incidents": [] },
            "EPP":    { "status": "Disabled" } } }
        """;

    [Fact]
    public void The_spec_example_maps_onto_the_contract()
    {
        var state = Parse(SpecExample, MoSapiEntity.ForTld("example"));
        Assert.Equal("example", state.Tld);
        Assert.Null(state.RegistrarId);
        Assert.Equal("Down", state.Status);
        Assert.Equal(2, state.Version);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000460), state.LastUpdated);
        Assert.Equal(TimeSpan.Zero, state.LastUpdated!.Value.Offset);
        Assert.Equal(new[] { MoSapiService.Dns, MoSapiService.Dnssec, MoSapiService.Rdds, MoSapiService.Rdap, MoSapiService.Epp }, state.Services.Select(s => s.Service));

        var dns = state[MoSapiService.Dns]!;
        Assert.Equal(12.5, dns.EmergencyThreshold);
        var incident = Assert.Single(dns.Incidents);
        Assert.Equal("1700000040.7731", incident.IncidentId);
        Assert.Equal(MoSapiService.Dns, incident.Service);
        Assert.Equal("example", incident.Tld);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000040), incident.StartTime);
        Assert.Null(incident.EndTime);
        Assert.False(incident.FalsePositive);
        Assert.Equal("Active", incident.State);

        Assert.Equal(0, state[MoSapiService.Dnssec]!.EmergencyThreshold);
        var rdds = state[MoSapiService.Rdds]!;
        Assert.Equal("Disabled", rdds.Status);
        Assert.Null(rdds.EmergencyThreshold);
        Assert.Empty(rdds.Incidents);
        Assert.Equal("Up-inconclusive-no-data", state[MoSapiService.Rdap]!.Status);
        Assert.Single(state.Incidents);
    }

    [Fact]
    public void Registrar_documents_carry_registrarID_as_a_number()
    {
        var json = """
            { "version": 2, "lastUpdateApiDatabase": 1700000460, "registrarID": 9999, "status": "up", "extra": {"x":[1,2]},
                        "testedServices": { "RDDS": { "status": "up", "emergencyThreshold": 3, "incidents": [] },
                                            "RDAP": { "status": "Up", "emergencyThreshold": "7.25", "incidents": [],
                                                      "newField": true } } }
            """;
        var state = Parse(json, MoSapiEntity.ForRegistrar(9999));
        Assert.Equal(9999, state.RegistrarId);
        Assert.Null(state.Tld);
        Assert.Equal("Up", state.Status);
        Assert.Equal(3, state[MoSapiService.Rdds]!.EmergencyThreshold);
        Assert.Equal(7.25, state[MoSapiService.Rdap]!.EmergencyThreshold);
        Assert.All(state.Services, s => Assert.Equal(9999, s.RegistrarId));
    }

    [Fact]
    public void Unknown_services_are_skipped_and_maintenance_has_no_thresholds()
    {
        var json = """
            { "version": 1, "lastUpdateApiDatabase": 1700000460, "tld": "maint", "status": "Up-inconclusive",
                        "testedServices": { "DNS": { "status": "Disabled" }, "FUTURE": { "status": "Up" } } }
            """;
        var state = Parse(json, MoSapiEntity.ForTld("maint"));
        Assert.Equal("Up-inconclusive", state.Status);
        var only = Assert.Single(state.Services);
        Assert.Equal("Disabled", only.Status);
        Assert.Null(only.EmergencyThreshold);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("[1,2]")]
    [InlineData("""{"status":"Up","testedServices":[]}""")]
    [InlineData("""{"status":"Up","testedServices":{"DNS":{"status":"Up","incidents":[{"incidentID":"1.2","startTime":"soon"}]}}}""")]
    [InlineData("""{"status":"Up","lastUpdateApiDatabase":1e300}""")]
    [InlineData("""{"status":"Up","lastUpdateApiDatabase":99999999999999999999999}""")]
    [InlineData("""{"status":"Up","testedServices":{"DNS":{"status":"Up","emergencyThreshold":{"a":1}}}}""")]
    [InlineData("""{"status":"Up"} trailing""")]
    public void Malformed_documents_become_MoSapiInvalidResponse(string json)
    {
        var ex = Assert.Throws<MoSapiException>(() => Parse(json, MoSapiEntity.ForTld("example")));
        Assert.Equal(MoSapiErrorIds.InvalidResponse, ex.ErrorId);
    }
}
