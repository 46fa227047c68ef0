using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Units;
using Xunit;

namespace GridEdge.Simulation.Tests;

public sealed class ChargingTests
{
    /// <summary>Night (no PV), quiet house, car plugged in since 18:00; started at 22:00.</summary>
    private static Harness Night(
        double stateOfCharge = 0.2,
        double capacityKwh = 60,
        double? targetKwh = null,
        double carAmperes = 16,
        int carPhases = 3,
        int chargerPhases = 3,
        int gridPhase = 1,
        double chargerMin = 6) =>
        new(
            SimSites.Site([SimSites.ChargePoint("cp", phases: chargerPhases, gridPhase: gridPhase, minAmperes: chargerMin)]),
            SimSites.Settings(vehicles:
            [
                SimSites.Car("cp", new(18, 0), new(7, 0), stateOfCharge, capacityKwh, targetKwh, carAmperes, carPhases),
            ]),
            Harness.Day.AddHours(22));

    private static async Task<Harness> Charging(double amperes, int phases = 3)
    {
        var h = Night();
        await h.Apply("cp", amperes, phases);
        h.Seconds(5);
        Assert.Equal(ChargePointStatus.Charging, (await h.ChargePoint("cp")).Status);
        return h;
    }

    [Fact]
    public async Task The_car_starts_drawing_five_seconds_after_charging_is_allowed()
    {
        var h = Night();
        h.Seconds(3);
        await h.Apply("cp", 10);
        for (var i = 1; i <= 4; i++)
        {
            h.Seconds(1);
            var waiting = await h.ChargePoint("cp");
            Assert.Equal(ChargePointStatus.Connected, waiting.Status);
            Assert.Equal(Current.Zero, waiting.ChargeCurrent);
            Assert.Equal(Power.Zero, waiting.Power);
        }

        h.Seconds(1);
        var charging = await h.ChargePoint("cp");
        Assert.Equal(ChargePointStatus.Charging, charging.Status);
        Assert.Equal(10, charging.ChargeCurrent.Amperes, 9);
        Assert.Equal(3, charging.ActivePhases);
        Assert.Equal(10 * 230 * 3, charging.Power.Watts, 6);
        Assert.Equal(1, h.Site.ChargePoint("cp").SetpointsReceived);
    }

    [Fact]
    public async Task A_setpoint_received_during_a_long_advance_starts_five_seconds_after_it_arrived()
    {
        var h = Night();
        await h.Apply("cp", 16);
        h.Step(TimeSpan.FromSeconds(65));

        var charged = (await h.ChargePoint("cp")).SessionEnergy;
        Assert.Equal(16 * 230 * 3 * 60 / 3600.0, charged.WattHours, 6);
    }

    [Fact]
    public async Task The_car_draws_the_lower_of_setpoint_and_its_own_limit_on_its_phases()
    {
        var h = Night(carAmperes: 10, carPhases: 1);
        await h.Apply("cp", 16, 3);
        h.Seconds(5);

        var sample = await h.ChargePoint("cp");
        Assert.Equal(10, sample.ChargeCurrent.Amperes, 9);
        Assert.Equal(1, sample.ActivePhases);
        Assert.Equal(2300, sample.Power.Watts, 6);

        var grid = await h.Meter("grid");
        Assert.Equal(10 + (150 / 230.0), grid.PhaseCurrents[0].Amperes, 6);
        Assert.Equal(90 / 230.0, grid.PhaseCurrents[1].Amperes, 6);
        Assert.Equal(60 / 230.0, grid.PhaseCurrents[2].Amperes, 6);
        Assert.Equal(300 + 2300, grid.Power.Watts, 6);
    }

    [Fact]
    public async Task A_single_phase_chargepoint_on_grid_phase_two_loads_L2()
    {
        var h = Night(chargerPhases: 1, gridPhase: 2);
        await h.Apply("cp", 3 * 16, 3); // asks for more phases and current than the charger has
        Assert.Equal(1, h.Site.ChargePoint("cp").LastSetpoint!.Phases);
        h.Seconds(5);

        var sample = await h.ChargePoint("cp");
        Assert.Equal(16, sample.ChargeCurrent.Amperes, 9); // the charger's maximum
        Assert.Equal(1, sample.ActivePhases);

        var grid = await h.Meter("grid");
        Assert.Equal(150 / 230.0, grid.PhaseCurrents[0].Amperes, 6);
        Assert.Equal(16 + (90 / 230.0), grid.PhaseCurrents[1].Amperes, 6);
        Assert.Equal(60 / 230.0, grid.PhaseCurrents[2].Amperes, 6);
    }

    [Fact]
    public async Task A_reduction_applies_at_the_next_advance_and_so_does_an_increase()
    {
        var h = await Charging(16);

        await h.Apply("cp", 8);
        h.Seconds(1);
        Assert.Equal(8, (await h.ChargePoint("cp")).ChargeCurrent.Amperes, 9);
        Assert.Equal(300 + (8 * 230 * 3), (await h.Meter("grid")).Power.Watts, 6);

        await h.Apply("cp", 12);
        h.Seconds(1);
        Assert.Equal(12, (await h.ChargePoint("cp")).ChargeCurrent.Amperes, 9);
    }

    [Fact]
    public async Task An_expired_setpoint_stops_the_car()
    {
        var h = Night();
        await h.Apply("cp", 16, ttl: TimeSpan.FromSeconds(10));
        h.Seconds(10);
        Assert.Equal(ChargePointStatus.Charging, (await h.ChargePoint("cp")).Status);

        h.Seconds(1);
        var stopped = await h.ChargePoint("cp");
        Assert.Equal(ChargePointStatus.Connected, stopped.Status);
        Assert.Equal(Current.Zero, stopped.ChargeCurrent);
        Assert.Equal(300, (await h.Meter("grid")).Power.Watts, 6);
    }

    [Fact]
    public async Task A_setpoint_below_the_minimum_current_means_stop()
    {
        var h = Night(chargerMin: 8);
        await h.Apply("cp", 7);
        h.Seconds(30);
        Assert.Equal(ChargePointStatus.Connected, (await h.ChargePoint("cp")).Status);

        await h.Apply("cp", 8);
        h.Seconds(5);
        Assert.Equal(ChargePointStatus.Charging, (await h.ChargePoint("cp")).Status);

        await h.Apply("cp", 0);
        h.Seconds(1);
        Assert.Equal(ChargePointStatus.Connected, (await h.ChargePoint("cp")).Status);
    }

    [Fact]
    public async Task Above_ninety_percent_the_current_tapers_and_the_car_completes_at_full()
    {
        var h = Night(stateOfCharge: 0.95, capacityKwh: 10);
        await h.Apply("cp", 16);
        h.Seconds(5);

        var previous = double.MaxValue;
        ChargePointSample sample;
        var seconds = 0;
        do
        {
            h.Seconds(1);
            seconds++;
            sample = await h.ChargePoint("cp");
            var stateOfCharge = sample.Vehicle!.StateOfCharge!.Value;
            if (sample.Status == ChargePointStatus.Charging && stateOfCharge < 0.99)
            {
                Assert.Equal(16 * (1 - stateOfCharge) / 0.1, sample.ChargeCurrent.Amperes, 6);
            }

            Assert.True(sample.ChargeCurrent.Amperes <= previous + 1e-9);
            previous = sample.ChargeCurrent.Amperes;
        }
        while (sample.Status == ChargePointStatus.Charging && seconds < 4 * 3600);

        Assert.Equal(ChargePointStatus.Complete, sample.Status);
        Assert.Equal(1.0, sample.Vehicle!.StateOfCharge);
        Assert.Equal(Current.Zero, sample.ChargeCurrent);
        Assert.Equal(500, sample.SessionEnergy.WattHours, 6);
        Assert.Equal(500, h.Site.Totals.Charged["cp"].WattHours, 6);

        // A full car stays complete whatever it is offered.
        await h.Apply("cp", 16);
        h.Seconds(10);
        Assert.Equal(ChargePointStatus.Complete, (await h.ChargePoint("cp")).Status);
    }

    [Fact]
    public async Task Reaching_the_target_energy_stops_the_car()
    {
        var h = Night(stateOfCharge: 0.2, targetKwh: 2);
        await h.Apply("cp", 16);
        h.Step(TimeSpan.FromMinutes(30));

        var sample = await h.ChargePoint("cp");
        Assert.Equal(ChargePointStatus.Complete, sample.Status);
        Assert.Equal(2000, sample.SessionEnergy.WattHours, 6);
        Assert.Equal(Energy.FromKilowattHours(2), sample.Vehicle!.TargetEnergy);
        Assert.Equal(0.2 + (2.0 / 60), sample.Vehicle.StateOfCharge!.Value, 9);
        Assert.Equal(300, (await h.Meter("grid")).Power.Watts, 6);
    }

    [Fact]
    public async Task Setpoints_are_validated_and_counted()
    {
        var h = Night();
        var chargePoint = h.Site.ChargePoint("cp");
        var foreign = Setpoint.ForCurrent("other", new Current(10), 3, Voltage.Europe, h.Now, TimeSpan.FromSeconds(10));

        await Assert.ThrowsAsync<ArgumentException>(async () => await chargePoint.ApplyAsync(foreign, Harness.Ct));
        Assert.Equal(0, chargePoint.SetpointsReceived);

        await h.Apply("cp", 10);
        await h.Apply("cp", 11);
        Assert.Equal(2, chargePoint.SetpointsReceived);
        Assert.Equal(11, chargePoint.LastSetpoint!.Current.Amperes);
    }

    [Fact]
    public async Task Readings_carry_the_current_time_and_good_quality()
    {
        var h = Night();
        h.Time.Advance(TimeSpan.FromMilliseconds(300));
        var reading = await h.Site.ChargePoint("cp").ReadAsync(Harness.Ct);
        Assert.Equal(h.Now, reading.Timestamp);
        Assert.Equal(ReadingQuality.Good, reading.Quality);
        Assert.Equal("cp", reading.Source);
    }
}
