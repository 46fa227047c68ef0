using GridEdge.Domain.Units;

namespace GridEdge.Domain.Site;

/// <summary>A chargepoint (EVSE) and how it is to be controlled.</summary>
public sealed record ChargePointDefinition
{
    public required string Id { get; init; }

    /// <summary>Driver protocol: generic, go-e, openwb, everest or simulated.</summary>
    public required string Protocol { get; init; }

    /// <summary>Id of the MQTT broker the charger is reached through, if any.</summary>
    public string? Broker { get; init; }

    /// <summary>The charger's own id or serial in its topics.</summary>
    public string? DeviceId { get; init; }

    /// <summary>Topic prefix for the generic protocol.</summary>
    public string? Prefix { get; init; }

    /// <summary>
    /// True when the built-in simulation plays this charger's hardware, speaking its protocol
    /// (generic, go-e) over MQTT; protocol "simulated" chargers are played in-process.
    /// </summary>
    public bool Simulated { get; init; }

    /// <summary>Phases the chargepoint is wired for: 1 or 3.</summary>
    public required int Phases { get; init; }

    /// <summary>The grid phase (1–3) a single-phase chargepoint is connected to.</summary>
    public int GridPhase { get; init; } = 1;

    /// <summary>True when the chargepoint can switch between one and three phases.</summary>
    public bool PhaseSwitching { get; init; }

    public required Voltage Voltage { get; init; }

    public required Current MinCurrent { get; init; }

    public required Current MaxCurrent { get; init; }

    /// <summary>Smallest current step the charger accepts; setpoints are rounded down to it.</summary>
    public Current CurrentStep { get; init; } = new(0.1);

    /// <summary>True when the chargepoint can discharge the vehicle (V2H).</summary>
    public bool Bidirectional { get; init; }

    public Power MaxDischarge { get; init; } = Power.Zero;

    /// <summary>V2H never discharges the vehicle below this state of charge (0–1).</summary>
    public double V2hMinStateOfCharge { get; init; } = 0.3;

    /// <summary>True when V2H may push power out to the grid; by default it only covers the house.</summary>
    public bool V2hExport { get; init; }

    public required ChargeMode Mode { get; init; }

    /// <summary>Higher gets power first when a limit binds.</summary>
    public int Priority { get; init; }

    public Power MinPower(int phases) => MinCurrent.ToPower(Voltage, phases);

    public Power MaxPower(int phases) => MaxCurrent.ToPower(Voltage, phases);
}
