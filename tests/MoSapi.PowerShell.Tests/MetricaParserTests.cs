using System.Text;
using MoSapi.Client;
using MoSapi.Client.Json;
using Xunit;

namespace MoSapi.Tests;

public class MetricaParserTests
{
    private static MoSapiDaarReport Report(string json, MoSapiEntity entity, DateTimeOffset? lastModified = null) =>
        MetricaParser.ParseReport(JsonRead.ParseObject(Encoding.UTF8.GetBytes(json), "METRICA report"), entity, lastModified);

    private const string SpecExample = """
        { "version": 2, "tld": "example", "domainListDate": "2026-11-26", "uniqueAbuseDomains": 3,
          "domainListData": [
            { "threatType": "phishing", "count": 2, "domains": ["bank-login.example", "secure-pay.example"] },
            { "threatType": "malware",  "count": 1, "domains": ["dl.example"] },
            { "threatType": "botnetCc", "count": 0, "domains": [] },
            { "threatType": "spam",     "count": -1, "domains": [] } ] }
        """;

    [Fact]
    public void The_spec_example_of_a_registry_maps_onto_the_model()
    {
        var modified = new DateTimeOffset(2026, 11, 27, 0, 20, 50, TimeSpan.Zero);
        var report = Report(SpecExample, MoSapiEntity.ForTld("example"), modified);

        Assert.Equal("example", report.Tld);
        Assert.Null(report.RegistrarId);
        Assert.Equal(new DateTime(2026, 11, 26), report.Date);
        Assert.Equal(DateTimeKind.Utc, report.Date.Kind);
        Assert.Equal(3, report.UniqueAbuseDomains);
        Assert.Equal(2, report.Version);
        Assert.Equal(modified, report.LastModified);
        Assert.Equal(new[] { "phishing", "malware", "botnetCc", "spam" }, report.Threats.Select(t => t.ThreatType));
        Assert.Equal(new[] { 2, 1, 0, -1 }, report.Threats.Select(t => t.Count));
        Assert.Equal(new[] { true, true, true, false }, report.Threats.Select(t => t.Monitored));
        Assert.Equal(new[] { "bank-login.example", "secure-pay.example" }, report.Threats[0].Domains);
        Assert.Empty(report.Threats[3].Domains);

        var rows = report.Domains.ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(new DateTime(2026, 11, 26), r.Date));
        Assert.All(rows, r => Assert.Equal("example", r.Tld));
        Assert.Equal(new[] { "phishing/bank-login.example", "phishing/secure-pay.example", "malware/dl.example" }, rows.Select(r => r.ThreatType + "/" + r.Domain));
    }

    [Fact]
    public void A_registrar_report_carries_ianaId_and_no_tld()
    {
        var json = """{ "version": 2, "ianaId": 9999, "domainListDate": "2026-11-20", "uniqueAbuseDomains": 0, "domainListData": [] }""";
        var report = Report(json, MoSapiEntity.ForRegistrar(9999));
        Assert.Null(report.Tld);
        Assert.Equal(9999, report.RegistrarId);
        Assert.Null(report.LastModified);
        Assert.Empty(report.Threats);
        Assert.Equal(new DateTime(2026, 11, 20), report.Date);
    }

    [Fact]
    public void Domain_lists_may_be_shorter_than_their_counts_and_numbers_may_be_strings()
    {
        var json = """
            { "version": "2", "tld": "EXAMPLE", "domainListDate": "2026-11-26", "uniqueAbuseDomains": "41",
              "domainListData": [ { "threatType": "phishing", "count": "40", "domains": ["a.example"] },
                                  { "threatType": "spam", "count": -1 } ] }
            """;
        var report = Report(json, MoSapiEntity.ForTld("example"));
        Assert.Equal("example", report.Tld);
        Assert.Equal(41, report.UniqueAbuseDomains);
        Assert.Equal(40, report.Threats[0].Count);
        Assert.Equal(new[] { "a.example" }, report.Threats[0].Domains);
        Assert.False(report.Threats[1].Monitored);
        Assert.Empty(report.Threats[1].Domains);
        Assert.Single(report.Domains);
    }

    [Fact]
    public void The_entity_of_the_connection_fills_in_when_the_body_names_none()
    {
        var report = Report("""{ "domainListDate": "2026-01-02", "domainListData": [] }""", MoSapiEntity.ForRegistrar(1234));
        Assert.Equal(1234, report.RegistrarId);
        Assert.Null(report.Tld);
    }

    [Theory]
    [InlineData("""{ "tld": "example", "domainListDate": "26.11.2026", "domainListData": [] }""", "domainListDate")]
    [InlineData("""{ "tld": "example", "domainListData": [] }""", "domainListDate")]
    [InlineData("""{ "tld": "example", "domainListDate": "2026-11-26", "domainListData": [ { "threatType": "spam" } ] }""", "count")]
    [InlineData("""{ "tld": "example", "domainListDate": "2026-11-26", "domainListData": [ { "threatType": "spam", "count": 1, "domains": [1] } ] }""", "domains")]
    [InlineData("""{ "tld": "example", "domainListDate": "2026-11-26", "domainListData": { } }""", "domainListData")]
    public void Malformed_reports_are_invalid_responses_naming_the_field(string json, string field)
    {
        var ex = Assert.Throws<MoSapiException>(() => Report(json, MoSapiEntity.ForTld("example")));
        Assert.Equal(MoSapiErrorIds.InvalidResponse, ex.ErrorId);
        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_list_reads_dates_and_RFC_3339_generation_times()
    {
        var json = """
            {"version":2,"ianaId":9999,"domainLists":[
              {"domainListDate":"2026-11-25","domainListGenerationDate":"2026-11-26T00:20:50Z"},
              {"domainListDate":"2026-11-24","domainListGenerationDate":"2026-11-25T02:00:00.125+02:00"},
              {"domainListDate":"2026-11-23"} ]}
            """;
        var list = MetricaParser.ParseList(JsonRead.ParseObject(Encoding.UTF8.GetBytes(json), "list"), MoSapiEntity.ForRegistrar(9999));
        Assert.Equal(3, list.Count);
        Assert.All(list, e => Assert.Equal(9999, e.RegistrarId));
        Assert.Equal(new DateTime(2026, 11, 25), list[0].Date);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 0, 20, 50, TimeSpan.Zero), list[0].GenerationDate);
        Assert.Equal(TimeSpan.Zero, list[0].GenerationDate!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 0, 0, 0, 125, TimeSpan.Zero), list[1].GenerationDate);
        Assert.Null(list[2].GenerationDate);
    }

    [Theory]
    [InlineData("2026-11-26 00:20:50Z")]
    [InlineData("2026-11-26t00:20:50z")]
    [InlineData("2026-11-26T01:20:50+01:00")]
    [InlineData("2026-11-26T00:20:50")]
    public void RFC_3339_spellings_are_accepted(string text) =>
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 0, 20, 50, TimeSpan.Zero), MetricaParser.Rfc3339(text, "g", "list"));

    [Theory]
    [InlineData("yesterday")]
    [InlineData("11/26/2026 00:20")]
    [InlineData("2026-11-26")]
    public void Non_RFC_3339_generation_times_are_rejected(string text)
    {
        var ex = Assert.Throws<MoSapiException>(() => MetricaParser.Rfc3339(text, "domainListGenerationDate", "list"));
        Assert.Equal(MoSapiErrorIds.InvalidResponse, ex.ErrorId);
    }

    [Fact]
    public void Ranges_are_split_into_31_day_windows()
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new[] { (start, start) }, DayWindows.Split(start, start));
        Assert.Equal(new[] { (start, start.AddDays(30)) }, DayWindows.Split(start, start.AddDays(30)));
        Assert.Equal(
            new[] { (start, start.AddDays(30)), (start.AddDays(31), start.AddDays(61)), (start.AddDays(62), start.AddDays(64)) },
            DayWindows.Split(start, start.AddDays(64)));
    }

    [Fact]
    public void Unspecified_and_utc_values_name_their_day_and_local_ones_are_converted()
    {
        Assert.Equal(new DateTime(2026, 11, 26), DayWindows.ToUtcDay(new DateTime(2026, 11, 26, 23, 59, 0, DateTimeKind.Unspecified)));
        Assert.Equal(DateTimeKind.Utc, DayWindows.ToUtcDay(new DateTime(2026, 11, 26)).Kind);
        var local = new DateTime(2026, 11, 26, 12, 0, 0, DateTimeKind.Local);
        Assert.Equal(local.ToUniversalTime().Date, DayWindows.ToUtcDay(local));
    }
}
