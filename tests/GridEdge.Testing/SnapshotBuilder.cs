using GridEdge.Domain.Readings;
using GridEdge.Domain.Units;

namespace GridEdge.Testing;

/// <summary>Builds a <see cref="SiteSnapshot"/> by hand: a grid meter reading plus chargepoint readings.</summary>
public sealed class SnapshotBuilder(DateTimeOffset time)
{
    private readonly Dictionary<string, Reading<MeterSample>> _meters = [];
    private readonly Dictionary<string, Reading<ChargePointSample>> _chargePoints = [];
    private Reading<BatterySample>? _battery;

    /// <summary>Grid meter with signed per-phase currents at 230 V (power derived from them).</summary>
    public SnapshotBuilder Grid(double[] phaseAmperes, double volts = 230, TimeSpan age = default, ReadingQuality quality = ReadingQuality.Good)
    {
        var sample = new MeterSample
        {
            Power = new(phaseAmperes.Sum() * volts),
            PhaseCurrents = [.. phaseAmperes.Select(a => new Current(a))],
        };
        _meters["grid"] = new(sample, time - age, quality, "grid");
        return this;
    }

    public SnapshotBuilder ChargePoint(
        string id,
        ChargePointStatus status,
        double amperes = 0,
        int phases = 3,
        double volts = 230,
        TimeSpan age = default)
    {
        var sample = new ChargePointSample
        {
            Status = status,
            ActivePhases = phases,
            ChargeCurrent = new(amperes),
            Power = new(amperes * volts * phases),
        };
        _chargePoints[id] = new(sample, time - age, ReadingQuality.Good, id);
        return this;
    }

    /// <summary>The site battery at <paramref name="watts"/> (+ charging) and state of charge <paramref name="soc"/> (0–1).</summary>
    public SnapshotBuilder Battery(double watts, double soc, TimeSpan age = default)
    {
        _battery = new(new BatterySample(new(watts), soc), time - age, ReadingQuality.Good, "battery");
        return this;
    }

    public SiteSnapshot Build() => new(time, _meters, _chargePoints) { Battery = _battery };
}
