using System.Text;
using MoSapi.Client;
using MoSapi.Client.Json;
using Newtonsoft.Json.Linq;
using Xunit;

namespace MoSapi.Tests;

public class MonitoringParserTests
{
    private static readonly MoSapiEntity Example = MoSapiEntity.ForTld("example");
    private static readonly MoSapiEntity Registrar = MoSapiEntity.ForRegistrar(9999);

    internal static JObject Doc(string json) => JsonRead.ParseObject(Encoding.UTF8.GetBytes(json), "test document");

    [Fact]
    public void Alarm_maps_alarmed_and_last_update()
    {
        var a = MonitoringParser.ParseAlarm(Doc("""{ "version": 2, "lastUpdateApiDatabase": 1700000460, "alarmed": "YES" }"""), Example, MoSapiService.Dns);
        Assert.Equal("example", a.Tld);
        Assert.Null(a.RegistrarId);
        Assert.Equal(MoSapiService.Dns, a.Service);
        Assert.Equal("Yes", a.Alarmed);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000460), a.LastUpdated);
    }

    [Fact]
    public void Alarm_without_alarmed_is_an_invalid_response()
    {
        var ex = Assert.Throws<MoSapiException>(() => MonitoringParser.ParseAlarm(Doc("""{ "version": 2 }"""), Example, MoSapiService.Dns));
        Assert.Equal(MoSapiErrorIds.InvalidResponse, ex.ErrorId);
        Assert.Contains("alarmed", ex.Message);
    }

    [Fact]
    public void Disabled_alarm_and_downtime_carry_the_entity()
    {
        var a = MonitoringParser.DisabledAlarm(Registrar, MoSapiService.Rdap);
        Assert.Equal("Disabled", a.Alarmed);
        Assert.Equal(9999, a.RegistrarId);
        Assert.Null(a.LastUpdated);
        var d = MonitoringParser.DisabledDowntime(Registrar, MoSapiService.Rdds);
        Assert.True(d.Disabled);
        Assert.Equal("Disabled", d.Status);
        Assert.Null(d.DowntimeMinutes);
        Assert.Equal(MoSapiService.Rdds, d.Service);
    }

    [Fact]
    public void Downtime_maps_minutes()
    {
        var d = MonitoringParser.ParseDowntime(Doc("""{ "version": 2, "lastUpdateApiDatabase": 1700000460, "downtime": 935 }"""), Registrar, MoSapiService.Rdap);
        Assert.Equal(935, d.DowntimeMinutes);
        Assert.Equal("Monitored", d.Status);
        Assert.False(d.Disabled);
        Assert.Equal(9999, d.RegistrarId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000460), d.LastUpdated);
    }

    [Fact]
    public void Downtime_as_text_is_an_invalid_response()
    {
        var ex = Assert.Throws<MoSapiException>(() => MonitoringParser.ParseDowntime(Doc("""{ "downtime": "lots" }"""), Example, MoSapiService.Dns));
        Assert.Equal(MoSapiErrorIds.InvalidResponse, ex.ErrorId);
    }

    [Fact]
    public void Incident_list_maps_every_incident()
    {
        var list = MonitoringParser.ParseIncidents(Doc("""
            { "version": 2, "lastUpdateApiDatabase": 1700000460, "incidents": [
              { "incidentID": "1700000040.7731", "startTime": 1700000040, "endTime": null, "falsePositive": false, "state": "Active" },
              { "incidentID": "1699000000.7730", "startTime": "1699000000", "endTime": 1699000600, "falsePositive": true, "state": "resolved" } ] }
            """), Example, MoSapiService.Dns);
        Assert.Equal(2, list.Count);
        Assert.Equal("1700000040.7731", list[0].IncidentId);
        Assert.Null(list[0].EndTime);
        Assert.Equal("Active", list[0].State);
        Assert.Equal(MoSapiService.Dns, list[1].Service);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1699000000), list[1].StartTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1699000600), list[1].EndTime);
        Assert.True(list[1].FalsePositive);
        Assert.Equal("Resolved", list[1].State);
    }

    [Fact]
    public void Incident_list_without_incidents_is_an_invalid_response()
    {
        var ex = Assert.Throws<MoSapiException>(() => MonitoringParser.ParseIncidents(Doc("""{ "version": 2 }"""), Example, MoSapiService.Dns));
        Assert.Equal(MoSapiErrorIds.InvalidResponse, ex.ErrorId);
    }

    [Fact]
    public void False_positive_with_null_update_time()
    {
        var f = MonitoringParser.ParseFalsePositive(Doc("""{ "version": 2, "lastUpdateApiDatabase": 1700000460, "falsePositive": false, "updateTime": null }"""), Example, MoSapiService.Rdap, "1.2");
        Assert.False(f.FalsePositive);
        Assert.Null(f.UpdateTime);
        Assert.Equal("1.2", f.IncidentId);
        Assert.Equal(MoSapiService.Rdap, f.Service);
    }

    [Fact]
    public void False_positive_with_update_time()
    {
        var f = MonitoringParser.ParseFalsePositive(Doc("""{ "version": 2, "falsePositive": true, "updateTime": 1700000400 }"""), Registrar, MoSapiService.Dns, "x");
        Assert.True(f.FalsePositive);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000400), f.UpdateTime);
        Assert.Equal(9999, f.RegistrarId);
    }

    [Fact]
    public void Incident_query_string_uses_epoch_seconds_and_lower_case()
    {
        var q = new IncidentQuery
        {
            Start = DateTimeOffset.FromUnixTimeSeconds(1700000000),
            End = DateTimeOffset.FromUnixTimeSeconds(1700086400),
            FalsePositive = true,
            Situation = "Resolved",
        };
        Assert.Equal("startDate=1700000000&endDate=1700086400&falsePositive=true&situation=resolved", q.ToQueryString());
        Assert.Null(new IncidentQuery().ToQueryString());
    }

    [Fact]
    public void Merge_drops_duplicates_keeping_the_later_view_and_sorts_newest_first()
    {
        MoSapiIncident I(string id, long start, string state) => new() { IncidentId = id, StartTime = DateTimeOffset.FromUnixTimeSeconds(start), State = state };
        var merged = MoSapiClient.Merge(new[]
        {
            new[] { I("300.1", 300, "Resolved"), I("100.1", 100, "Active") },
            new[] { I("100.1", 100, "Resolved"), I("200.1", 200, "Resolved") },
        });
        Assert.Equal(new[] { "300.1", "200.1", "100.1" }, merged.Select(i => i.IncidentId));
        Assert.Equal("Resolved", merged[2].State);
    }
}
