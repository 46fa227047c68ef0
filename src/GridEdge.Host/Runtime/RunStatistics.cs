using GridEdge.Control.Demand;
using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Domain.Units;

namespace GridEdge.Host.Runtime;

/// <summary>
/// Energy and event counters integrated from what the gateway itself measured each cycle (not from
/// the simulator), so the same figures come out on a real site.
/// </summary>
internal sealed class RunStatistics(SiteDefinition site)
{
    private readonly object _gate = new();
    private readonly string[] _pvMeters = [.. site.Meters.Where(m => m.Role == MeterRole.Pv).Select(m => m.Id)];
    private readonly Dictionary<string, double> _chargedWh = site.ChargePoints.ToDictionary(c => c.Id, _ => 0.0, StringComparer.Ordinal);
    private DateTimeOffset? _first;
    private DateTimeOffset? _last;
    private bool _inFailSafe;
    private double _importWh;
    private double _exportWh;
    private double _pvWh;
    private double _evChargedWh;
    private double _evDischargedWh;
    private double _batteryChargedWh;
    private double _batteryDischargedWh;
    private double? _batterySocFirst;
    private double? _batterySocLast;
    private double _maxImportW;
    private DateTimeOffset? _halfHour;
    private double _halfHourImportWh;
    private double _maxHalfHourImportW;
    private double _maxPhaseCurrentA;
    private long _cycles;
    private long _failSafeEvents;
    private long _failSafeCycles;
    private long _overLimitCycles;
    private long _overLimitRun;
    private long _longestOverLimitRun;

    /// <summary>Adds one cycle; the energy of the interval since the previous cycle is taken at this cycle's power.</summary>
    public void Record(SiteSnapshot snapshot, ControlDecision decision, TimeSpan maxGap)
    {
        lock (_gate)
        {
            var now = snapshot.Time;
            _first ??= now;
            var hours = _last is { } last ? Math.Min((now - last).TotalHours, maxGap.TotalHours) : 0;
            _last = now;
            _cycles++;
            if (decision.FailSafe)
            {
                _failSafeCycles++;
                if (!_inFailSafe)
                {
                    _failSafeEvents++;
                }
            }

            _inFailSafe = decision.FailSafe;

            if (snapshot.Meter(site.Grid.MeterId) is { Quality: not ReadingQuality.Invalid } grid)
            {
                var watts = grid.Value.Power.Watts;
                _importWh += Math.Max(0, watts) * hours;
                _exportWh += Math.Max(0, -watts) * hours;
                _maxImportW = Math.Max(_maxImportW, watts);
                RecordHalfHour(now, Math.Max(0, watts) * hours);
                var overLimit = watts > site.Grid.EffectiveImportLimit.Watts;
                foreach (var phase in grid.Value.PhaseCurrents)
                {
                    _maxPhaseCurrentA = Math.Max(_maxPhaseCurrentA, phase.Amperes);
                    overLimit |= phase.Amperes > site.Grid.MaxCurrentPerPhase.Amperes;
                }

                // A load step shows for one cycle before the controller answers; longer runs are failures.
                _overLimitRun = overLimit ? _overLimitRun + 1 : 0;
                _overLimitCycles += overLimit ? 1 : 0;
                _longestOverLimitRun = Math.Max(_longestOverLimitRun, _overLimitRun);
            }

            foreach (var id in _pvMeters)
            {
                if (snapshot.Meter(id) is { Quality: not ReadingQuality.Invalid } pv)
                {
                    // Generation is negative by the sign convention.
                    _pvWh += Math.Max(0, -pv.Value.Power.Watts) * hours;
                }
            }

            if (snapshot.Battery is { Quality: not ReadingQuality.Invalid } battery)
            {
                _batteryChargedWh += Math.Max(0, battery.Value.Power.Watts) * hours;
                _batteryDischargedWh += Math.Max(0, -battery.Value.Power.Watts) * hours;
                _batterySocFirst ??= battery.Value.StateOfCharge;
                _batterySocLast = battery.Value.StateOfCharge;
            }

            foreach (var (id, reading) in snapshot.ChargePoints)
            {
                var watts = reading.Value.Power.Watts;
                _evChargedWh += Math.Max(0, watts) * hours;
                _evDischargedWh += Math.Max(0, -watts) * hours;
                if (_chargedWh.TryGetValue(id, out var wh))
                {
                    _chargedWh[id] = wh + (Math.Max(0, watts) * hours);
                }
            }
        }
    }

    public RunSummary Summarize(long setpointsSent, IReadOnlyList<Control.ChargePointStatistics> controllerStatistics, RunTelemetry telemetry)
    {
        lock (_gate)
        {
            var selfConsumption = _pvWh > 0 ? Math.Clamp((_pvWh - _exportWh) / _pvWh, 0, 1) : (double?)null;
            return new RunSummary
            {
                Site = site.Id,
                DurationS = _first is { } first && _last is { } last ? (last - first).TotalSeconds : 0,
                Cycles = _cycles,
                EnergyWh = new RunEnergy(Round(_importWh), Round(_exportWh), Round(_pvWh), Round(_evChargedWh), Round(_evDischargedWh)),
                SelfConsumption = selfConsumption is { } s ? Math.Round(s, 4) : null,
                MaxGridImportW = Round(_maxImportW),
                MaxHalfHourImportW = Round(Math.Max(_maxHalfHourImportW, _halfHourImportWh / DemandMeter.Window.TotalHours)),
                MaxGridPhaseCurrentA = Math.Round(_maxPhaseCurrentA, 2),
                GridImportLimitW = site.Grid.EffectiveImportLimit.Watts,
                GridMaxCurrentA = site.Grid.MaxCurrentPerPhase.Amperes,
                GridLimitExceededCycles = _overLimitCycles,
                GridLimitLongestExcessCycles = _longestOverLimitRun,
                SetpointsSent = setpointsSent,
                FailsafeEvents = _failSafeEvents,
                FailsafeCycles = _failSafeCycles,
                ChargePoints = controllerStatistics.ToDictionary(
                    c => c.ChargePointId,
                    c => new RunChargePoint(Round(_chargedWh.GetValueOrDefault(c.ChargePointId)), c.Starts, c.PhaseSwitches),
                    StringComparer.Ordinal),
                Telemetry = telemetry,
                Battery = _batterySocFirst is { } socFirst
                    ? new RunBattery(Round(_batteryChargedWh), Round(_batteryDischargedWh), Math.Round(socFirst, 4), Math.Round(_batterySocLast!.Value, 4))
                    : null,
            };
        }
    }

    private static double Round(double value) => Math.Round(value, 1);

    /// <summary>
    /// Grid import per wall-clock half hour on the site's clock (:00/:30), what a demand charge bills:
    /// the highest average of the run. A half hour still open counts with what it has so far.
    /// </summary>
    private void RecordHalfHour(DateTimeOffset now, double importWh)
    {
        var window = DemandMeter.WindowOf(now, site.TimeZone);
        if (window != _halfHour)
        {
            _maxHalfHourImportW = Math.Max(_maxHalfHourImportW, _halfHourImportWh / DemandMeter.Window.TotalHours);
            _halfHour = window;
            _halfHourImportWh = 0;
        }

        _halfHourImportWh += importWh;
    }
}
