using MoSapi.Client;
using Xunit;

namespace MoSapi.Tests;

public class StateDiffTests
{
    private static readonly DateTimeOffset T = DateTimeOffset.FromUnixTimeSeconds(1700000460);
    private static readonly double[] Levels = StateDiff.DefaultLevels;

    private static MoSapiIncident Incident(string id, bool active = true, bool falsePositive = false) => new()
    {
        Tld = "example",
        Service = MoSapiService.Dns,
        IncidentId = id,
        StartTime = DateTimeOffset.FromUnixTimeSeconds(long.Parse(id.Split('.')[0])),
        EndTime = active ? null : DateTimeOffset.FromUnixTimeSeconds(long.Parse(id.Split('.')[0]) + 600),
        FalsePositive = falsePositive,
        State = active ? "Active" : "Resolved",
    };

    private static MoSapiState State(string status = "Up", string dns = "Up", double? threshold = 0, params MoSapiIncident[] incidents) => new()
    {
        Tld = "example",
        Status = status,
        Services = new List<MoSapiServiceState>
        {
            new() { Tld = "example", Service = MoSapiService.Dns, Status = dns, EmergencyThreshold = threshold, Incidents = incidents },
            new() { Tld = "example", Service = MoSapiService.Rdap, Status = "Up", EmergencyThreshold = 1, Incidents = new List<MoSapiIncident>() },
        },
    };

    private static IEnumerable<string> Describe(IEnumerable<MoSapiStateChange> changes) =>
        changes.Select(c => $"{c.Change} {c.Service?.ToString() ?? "-"} {c.OldValue ?? "null"}>{c.NewValue} {c.Level?.ToString() ?? ""}{c.Incident?.IncidentId}".TrimEnd());

    [Fact]
    public void No_change_gives_no_event()
    {
        var state = State("Down", "Down", 30, Incident("1700000040.1"));
        Assert.Empty(StateDiff.Compare(state, State("Down", "Down", 30, Incident("1700000040.1")), Levels, T));
    }

    [Fact]
    public void Entity_and_service_status_changes()
    {
        var changes = StateDiff.Compare(State(), State("Down", "Down"), Levels, T);
        Assert.Equal(new[] { "StatusChanged - Up>Down", "StatusChanged Dns Up>Down" }, Describe(changes));
        Assert.All(changes, c => Assert.Equal(T, c.Time));
        Assert.All(changes, c => Assert.Equal("example", c.Tld));
        Assert.Null(changes[0].Service);
    }

    [Fact]
    public void An_incident_opens_resolves_and_flips_its_false_positive_flag()
    {
        var opened = StateDiff.Compare(State(), State(incidents: Incident("1700000040.1")), Levels, T);
        Assert.Equal(new[] { "IncidentOpened Dns null>Active 1700000040.1" }, Describe(opened));

        var resolved = StateDiff.Compare(State(incidents: Incident("1700000040.1")), State(incidents: Incident("1700000040.1", active: false)), Levels, T);
        Assert.Equal(new[] { "IncidentResolved Dns Active>Resolved 1700000040.1" }, Describe(resolved));
        Assert.NotNull(resolved[0].Incident!.EndTime);

        var flagged = StateDiff.Compare(State(incidents: Incident("1700000040.1", false)), State(incidents: Incident("1700000040.1", false, falsePositive: true)), Levels, T);
        Assert.Equal(new[] { "FalsePositiveChanged Dns False>True 1700000040.1" }, Describe(flagged));
    }

    [Fact]
    public void An_incident_opened_and_resolved_between_polls_reports_both()
    {
        var changes = StateDiff.Compare(State(), State(incidents: Incident("1700000040.1", active: false)), Levels, T);
        Assert.Equal(new[] { "IncidentOpened Dns null>Active 1700000040.1", "IncidentResolved Dns Active>Resolved 1700000040.1" }, Describe(changes));
    }

    [Fact]
    public void An_incident_leaving_the_rolling_week_is_not_news()
    {
        Assert.Empty(StateDiff.Compare(State(incidents: Incident("1700000040.1", active: false)), State(), Levels, T));
    }

    [Fact]
    public void Threshold_levels_fire_once_each_on_the_way_up()
    {
        Assert.Equal(new[] { "ThresholdCrossed Dns 10>30 25" }, Describe(StateDiff.Compare(State(threshold: 10), State(threshold: 30), Levels, T)));
        Assert.Equal(new[] { "ThresholdCrossed Dns 30>80 50", "ThresholdCrossed Dns 30>80 75" }, Describe(StateDiff.Compare(State(threshold: 30), State(threshold: 80), Levels, T)));
        Assert.Equal(new[] { "ThresholdCrossed Dns 99.9>100 100" }, Describe(StateDiff.Compare(State(threshold: 99.9), State(threshold: 100), Levels, T)));

        // Staying above a level, falling, or rising below the next level says nothing.
        Assert.Empty(StateDiff.Compare(State(threshold: 30), State(threshold: 40), Levels, T));
        Assert.Empty(StateDiff.Compare(State(threshold: 80), State(threshold: 20), Levels, T));
        Assert.Empty(StateDiff.Compare(State(threshold: 25), State(threshold: 25), Levels, T));

        // Once it fell back, reaching the level again is a new crossing.
        Assert.Single(StateDiff.Compare(State(threshold: 20), State(threshold: 26), Levels, T));
    }

    [Fact]
    public void Custom_levels_and_a_disabled_service_have_no_crossing()
    {
        Assert.Equal(new[] { "ThresholdCrossed Dns 5>12.5 10" }, Describe(StateDiff.Compare(State(threshold: 5), State(threshold: 12.5), new double[] { 90, 10 }, T)));
        Assert.Equal(new[] { "StatusChanged Dns Disabled>Up" }, Describe(StateDiff.Compare(State(dns: "Disabled", threshold: null), State(threshold: 60), Levels, T)));
    }

    [Fact]
    public void The_service_filter_keeps_the_entity_status()
    {
        var before = State();
        var after = State("Down", "Down", 60, Incident("1700000040.1"));
        var changes = StateDiff.Compare(before, after, Levels, T, new[] { MoSapiService.Rdap });
        Assert.Equal(new[] { "StatusChanged - Up>Down" }, Describe(changes));
    }

    [Fact]
    public void The_initial_state_lists_statuses_active_incidents_and_levels_reached()
    {
        var state = State("Down", "Down", 55, Incident("1700000040.1"), Incident("1699990000.2", active: false));
        Assert.Equal(new[]
        {
            "StatusChanged - null>Down",
            "StatusChanged Dns null>Down",
            "IncidentOpened Dns null>Active 1700000040.1",
            "ThresholdCrossed Dns null>55 25",
            "ThresholdCrossed Dns null>55 50",
            "StatusChanged Rdap null>Up",
        }, Describe(StateDiff.Initial(state, Levels, T)));
    }

    [Fact]
    public void Registrar_changes_carry_the_registrar_id()
    {
        var before = new MoSapiState { RegistrarId = 9999, Status = "Up" };
        var after = new MoSapiState { RegistrarId = 9999, Status = "Down" };
        var change = Assert.Single(StateDiff.Compare(before, after, Levels, T));
        Assert.Equal(9999, change.RegistrarId);
        Assert.Null(change.Tld);
    }
}
