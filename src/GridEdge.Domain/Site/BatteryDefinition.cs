using GridEdge.Domain.Units;

namespace GridEdge.Domain.Site;

/// <summary>
/// A stationary battery. With a <see cref="Connection"/> the gateway reads its state of charge and
/// commands its power; without one it is only described (its meter, if any, is read like any other).
/// </summary>
public sealed record BatteryDefinition
{
    /// <summary>The battery's id in status, telemetry and logs.</summary>
    public string Id { get; init; } = "battery";

    public required Energy Capacity { get; init; }

    public required Power MaxChargePower { get; init; }

    public required Power MaxDischargePower { get; init; }

    /// <summary>Lowest state of charge the battery may be discharged to, 0–1.</summary>
    public double MinStateOfCharge { get; init; }

    /// <summary>Highest state of charge the battery may be charged to, 0–1.</summary>
    public double MaxStateOfCharge { get; init; } = 1.0;

    /// <summary>Share of the AC energy charged that ends up stored.</summary>
    public double ChargeEfficiency { get; init; } = 0.95;

    /// <summary>Share of the stored energy that comes out as AC when discharging.</summary>
    public double DischargeEfficiency { get; init; } = 0.95;

    /// <summary>Wear per kWh discharged (AC side), in the site's currency: what a cycle must earn to be worth it.</summary>
    public double CycleCostPerKwh { get; init; }

    public string? MeterId { get; init; }

    /// <summary>How the gateway reaches the battery's control (Modbus with a profile that marks its setpoint writable); null = not controlled.</summary>
    public DeviceConnection? Connection { get; init; }

    /// <summary>True when the built-in simulation plays this battery (behind a Modbus server at its endpoint, if it has one).</summary>
    public bool Simulated { get; init; }

    /// <summary>True when the gateway reads and commands the battery (and so plans it), not only describes it.</summary>
    public bool IsControlled => Connection is not null || Simulated;
}
