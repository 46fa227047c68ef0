namespace GridEdge.Optimization.Scenarios;

/// <summary>
/// What has really happened so far in a scenario run: battery SoC, each car's energy, and the energy
/// imported per demand window (which decides the peak already billed).
/// </summary>
internal sealed class SiteState
{
    private readonly Dictionary<long, double> _windowImportKwh = [];

    public SiteState(Scenario scenario)
    {
        BatterySocKwh = scenario.Battery?.InitialSocKwh ?? 0;
        VehicleEnergyKwh = scenario.Vehicles.Select(v => v.InitialEnergyKwh).ToArray();
    }

    public double BatterySocKwh { get; set; }

    public double[] VehicleEnergyKwh { get; }

    public void AddImport(long window, double kwh) => _windowImportKwh[window] = _windowImportKwh.GetValueOrDefault(window) + kwh;

    /// <summary>Energy already imported in <paramref name="window"/>.</summary>
    public double ImportIn(long window) => _windowImportKwh.GetValueOrDefault(window);

    /// <summary>Highest half-hour average of the windows other than <paramref name="open"/> (which is still running).</summary>
    public double PeakOfClosedWindows(long open) =>
        _windowImportKwh.Where(w => w.Key != open).Select(w => w.Value / 0.5).DefaultIfEmpty(0).Max();
}
