using GridEdge.Domain.Units;
using GridEdge.Simulation.Settings;

namespace GridEdge.Simulation;

/// <summary>
/// A car's battery and daily routine. Above 90 % state of charge the battery management tapers the
/// current linearly towards zero at 100 % (never below a 1 A trickle, so it does finish); the car
/// stops when full or when the session's target energy is reached.
/// </summary>
internal sealed class SimulatedVehicle
{
    private const double TaperStart = 0.9;
    private static readonly Current Trickle = new(1);

    public SimulatedVehicle(SimulatedVehicleSettings settings)
    {
        Settings = settings;
        Schedule = new DailySchedule(settings.Arrive, settings.Depart);
        Phases = Math.Clamp(settings.Phases, 1, 3);
    }

    public SimulatedVehicleSettings Settings { get; }

    public DailySchedule Schedule { get; }

    public int Phases { get; }

    /// <summary>Local date of the arrival that started the current session; null while away.</summary>
    public DateOnly? Session { get; private set; }

    /// <summary>The last session that ended, so a daylight-saving hour that repeats does not plug the car in again.</summary>
    public DateOnly? EndedSession { get; private set; }

    public double StateOfCharge { get; private set; }

    /// <summary>The car's own lowest state of charge for discharging, whatever the gateway asks.</summary>
    public const double DischargeFloor = 0.05;

    public Energy SessionEnergy { get; private set; }

    public bool IsComplete { get; private set; }

    /// <summary>Energy the car still takes before it stops (full battery or target reached).</summary>
    public Energy Room
    {
        get
        {
            var room = Settings.Capacity * (1 - StateOfCharge);
            if (Settings.TargetEnergy is { } target && target - SessionEnergy < room)
            {
                room = target - SessionEnergy;
            }

            return room > Energy.Zero ? room : Energy.Zero;
        }
    }

    public void Arrive(DateOnly session)
    {
        Session = session;
        StateOfCharge = Math.Clamp(Settings.ArrivalStateOfCharge, 0, 1);
        SessionEnergy = Energy.Zero;
        IsComplete = Room <= Energy.Zero;
    }

    public void Leave()
    {
        EndedSession = Session;
        Session = null;
    }

    /// <summary>The current per phase the car draws when it is offered <paramref name="offered"/>.</summary>
    public Current Accepts(Current offered)
    {
        var current = Current.Min(offered, Settings.MaxCurrent);
        if (StateOfCharge <= TaperStart)
        {
            return current;
        }

        var tapered = current * ((1 - StateOfCharge) / (1 - TaperStart));
        return Current.Max(tapered, Current.Min(current, Trickle));
    }

    /// <summary>Energy the car can give back before its battery management stops a discharge (at 5 %).</summary>
    public Energy Dischargeable => Settings.Capacity * Math.Max(0, StateOfCharge - DischargeFloor);

    /// <summary>Takes <paramref name="energy"/> out of the battery (V2H).</summary>
    public void Discharge(Energy energy)
    {
        StateOfCharge = Math.Max(0, StateOfCharge - (energy / Settings.Capacity));
        IsComplete = Room <= Energy.Zero;
    }

    /// <summary>Stores <paramref name="energy"/> (at most <see cref="Room"/>) and stops the car when it is done.</summary>
    public void Charge(Energy energy)
    {
        SessionEnergy += energy;
        StateOfCharge = Math.Min(1, StateOfCharge + (energy / Settings.Capacity));
        if (Room.WattHours <= 1e-6)
        {
            IsComplete = true;
        }
    }
}
