using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Host.Configuration;
using GridEdge.Host.Runtime;

namespace GridEdge.Host.Status;

/// <summary>What `GET /api/status` returns: the site as the last control cycle saw it and what it decided.</summary>
internal sealed record StatusReport
{
    public required string Site { get; init; }

    public required string Name { get; init; }

    public required DateTimeOffset Time { get; init; }

    /// <summary>Local wall-clock time of the simulated site (the demo starts at 10:30 whatever the hour); null on a real site.</summary>
    public string? SimulatedLocalTime { get; init; }

    public required bool Failsafe { get; init; }

    public required GridStatus Grid { get; init; }

    public required IReadOnlyList<MeterStatus> Meters { get; init; }

    public required double SurplusW { get; init; }

    public required double BaseLoadW { get; init; }

    public required IReadOnlyList<ChargePointStatusReport> Chargepoints { get; init; }

    public required RunSummary Statistics { get; init; }

    /// <summary>The half-hour demand, when the tariff has a demand charge.</summary>
    public DemandStatus? Demand { get; init; }

    /// <summary>The site battery the gateway controls; null without one.</summary>
    public BatteryStatus? Battery { get; init; }

    public static StatusReport Create(SiteConfiguration configuration, SiteSnapshot snapshot, ControlDecision decision, SiteRuntime runtime)
    {
        var site = configuration.Site;
        var now = snapshot.Time;
        var grid = snapshot.Meter(site.Grid.MeterId);
        return new StatusReport
        {
            Site = site.Id,
            Name = site.Name,
            Time = now,
            SimulatedLocalTime = runtime.Simulation?.LocalTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
            Failsafe = decision.FailSafe,
            Grid = new GridStatus(
                grid?.Value.Power.Watts,
                grid is null ? [] : [.. grid.Value.PhaseCurrents.Select(c => Math.Round(c.Amperes, 2))],
                grid is null ? null : Math.Round(grid.AgeAt(now).TotalSeconds, 1),
                site.Grid.EffectiveImportLimit.Watts,
                site.Grid.MaxCurrentPerPhase.Amperes),
            Meters = [.. runtime.Pollers.Select(p => MeterStatus.Create(p, snapshot.Meter(p.Definition.Id), now, runtime.ModbusCounters.GetValueOrDefault(p.Definition.Id)))],
            SurplusW = Math.Round(decision.Surplus.Watts, 1),
            BaseLoadW = Math.Round(decision.BaseLoad.Watts, 1),
            Chargepoints = [.. decision.ChargePoints.Select(d => ChargePointStatusReport.Create(runtime.Controller.ModeOf(d.ChargePointId), snapshot.ChargePoint(d.ChargePointId), d) with
            {
                Mqtt = runtime.ChargerLink(d.ChargePointId),
            })],
            Statistics = runtime.Summary(),
            Demand = runtime.Controller.Demand is { } demand ? DemandStatus.Create(demand, now, decision.GridPower) : null,
            Battery = decision.Battery is { } battery ? BatteryStatus.Create(battery, snapshot.Battery, now) : null,
        };
    }
}

internal sealed record GridStatus(double? PowerW, IReadOnlyList<double> PhaseCurrentsA, double? AgeS, double ImportLimitW, double MaxCurrentA);
