using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Domain.Units;
using GridEdge.Simulation.Settings;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace GridEdge.Simulation.Tests;

/// <summary>A simulated site on fake time, started (first <see cref="SimulatedSite.Advance"/>) at <c>start</c>.</summary>
internal sealed class Harness
{
    /// <summary>Midnight UTC of a June day; the default sites are in UTC, so this is also local midnight.</summary>
    public static readonly DateTimeOffset Day = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public Harness(SiteDefinition site, SimulationSettings settings, DateTimeOffset? start = null)
    {
        Time = new FakeTimeProvider(start ?? Day);
        Site = new SimulatedSite(site, settings, Time);
        Site.Advance();
    }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public FakeTimeProvider Time { get; }

    public SimulatedSite Site { get; }

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Moves fake time by <paramref name="step"/> and advances the site, <paramref name="count"/> times.</summary>
    public void Step(TimeSpan step, int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            Time.Advance(step);
            Site.Advance();
        }
    }

    /// <summary>Advances in one-second steps.</summary>
    public void Seconds(int count) => Step(TimeSpan.FromSeconds(1), count);

    /// <summary>Advances in one-second steps up to <paramref name="until"/>.</summary>
    public void RunTo(DateTimeOffset until)
    {
        while (Now < until)
        {
            Seconds(1);
        }
    }

    public ValueTask Apply(string chargePointId, double amperes, int phases = 3, TimeSpan? ttl = null) =>
        Site.ChargePoint(chargePointId).ApplyAsync(
            Setpoint.ForCurrent(chargePointId, new Current(amperes), phases, Voltage.Europe, Now, ttl ?? TimeSpan.FromHours(24)),
            Ct);

    public async Task<MeterSample> Meter(string id)
    {
        var reading = await Site.Meters.Single(m => m.Id == id).ReadAsync(Ct);
        return reading.Value;
    }

    public async Task<ChargePointSample> ChargePoint(string id)
    {
        var reading = await Site.ChargePoint(id).ReadAsync(Ct);
        return reading.Value;
    }
}
