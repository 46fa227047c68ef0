using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Simulation;
using GridEdge.Simulation.Settings;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace GridEdge.Control.Tests;

/// <summary>
/// Controller and simulated site in a closed loop on fake time: each second the site advances,
/// meters and chargepoints are read, the controller decides and every setpoint is applied.
/// Hours of control run in well under a second of test time.
/// </summary>
internal sealed class ClosedLoop
{
    private readonly SiteState _state = new();

    public ClosedLoop(SiteDefinition site, SimulationSettings settings, DateTimeOffset start)
    {
        Definition = site;
        Time = new FakeTimeProvider(start);
        Site = new SimulatedSite(site, settings, Time);
        Controller = new SiteController(site);
        Site.Advance();
    }

    public SiteDefinition Definition { get; }

    public FakeTimeProvider Time { get; }

    public SimulatedSite Site { get; }

    public SiteController Controller { get; }

    public ControlDecision? LastDecision { get; private set; }

    /// <summary>Runs <paramref name="cycles"/> control cycles, calling <paramref name="observe"/> after each with the grid state the cycle left behind.</summary>
    public async Task RunAsync(int cycles, Action<ControlDecision>? observe = null)
    {
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < cycles; i++)
        {
            Time.Advance(Definition.Control.Interval);
            Site.Advance();
            foreach (var meter in Site.Meters)
            {
                try
                {
                    _state.Publish(meter.Id, await meter.ReadAsync(ct));
                }
                catch (TimeoutException)
                {
                    // An offline meter publishes nothing; its last reading ages.
                }
            }

            foreach (var chargePoint in Site.ChargePoints)
            {
                _state.Publish(chargePoint.Id, await chargePoint.ReadAsync(ct));
            }

            var decision = Controller.Decide(_state.Snapshot(Time.GetUtcNow()));
            foreach (var d in decision.ChargePoints)
            {
                await Site.ChargePoint(d.ChargePointId).ApplyAsync(d.Setpoint, ct);
            }

            LastDecision = decision;
            observe?.Invoke(decision);
        }
    }

    public Task RunAsync(TimeSpan duration, Action<ControlDecision>? observe = null) =>
        RunAsync((int)(duration / Definition.Control.Interval), observe);
}
