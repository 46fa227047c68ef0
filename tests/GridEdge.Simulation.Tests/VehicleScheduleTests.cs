using GridEdge.Domain.Readings;
using GridEdge.Domain.Units;
using Xunit;

namespace GridEdge.Simulation.Tests;

public sealed class VehicleScheduleTests
{
    [Fact]
    public async Task A_car_plugs_in_at_arrival_and_leaves_at_departure()
    {
        var h = new Harness(
            SimSites.Site([SimSites.ChargePoint("cp")]),
            SimSites.Settings(vehicles: [SimSites.Car("cp", new(8, 0), new(17, 0), stateOfCharge: 0.4)]),
            Harness.Day.AddHours(8).AddSeconds(-2));

        Assert.Equal(ChargePointStatus.Disconnected, (await h.ChargePoint("cp")).Status);
        h.Seconds(1);
        Assert.Equal(ChargePointStatus.Disconnected, (await h.ChargePoint("cp")).Status);
        Assert.Null((await h.ChargePoint("cp")).Vehicle);

        h.Seconds(1);
        var arrived = await h.ChargePoint("cp");
        Assert.Equal(ChargePointStatus.Connected, arrived.Status);
        Assert.Equal(0.4, arrived.Vehicle!.StateOfCharge);
        Assert.Equal(Energy.FromKilowattHours(60), arrived.Vehicle.Capacity);
        Assert.Equal("car-cp", arrived.Vehicle.VehicleId);
        Assert.Equal(Harness.Day.AddHours(17), arrived.Vehicle.Departure);
        Assert.Equal(Current.Zero, arrived.ChargeCurrent);

        h.Step(TimeSpan.FromHours(9) - TimeSpan.FromSeconds(1));
        Assert.Equal(ChargePointStatus.Connected, (await h.ChargePoint("cp")).Status);
        h.Seconds(1);
        Assert.Equal(ChargePointStatus.Disconnected, (await h.ChargePoint("cp")).Status);
    }

    [Fact]
    public async Task An_overnight_session_spans_midnight_and_the_car_comes_back_the_next_evening()
    {
        var h = new Harness(
            SimSites.Site([SimSites.ChargePoint("cp")]),
            SimSites.Settings(vehicles: [SimSites.Car("cp", new(18, 0), new(7, 0), stateOfCharge: 0.1, capacityKwh: 100)]),
            Harness.Day.AddHours(17));

        h.Step(TimeSpan.FromHours(1));
        var evening = await h.ChargePoint("cp");
        Assert.Equal(ChargePointStatus.Connected, evening.Status);
        Assert.Equal(Harness.Day.AddDays(1).AddHours(7), evening.Vehicle!.Departure);

        await h.Apply("cp", 16);
        h.Step(TimeSpan.FromHours(7)); // 01:00 next day, charged across midnight
        var night = await h.ChargePoint("cp");
        Assert.Equal(ChargePointStatus.Charging, night.Status);
        Assert.Equal(Harness.Day.AddDays(1).AddHours(7), night.Vehicle!.Departure);
        Assert.True(night.SessionEnergy.KilowattHours > 70, $"{night.SessionEnergy}"); // 7 h at 11 kW, one session
        Assert.True(night.Vehicle.StateOfCharge > 0.8);

        h.Step(TimeSpan.FromHours(6) - TimeSpan.FromSeconds(1));
        Assert.True((await h.ChargePoint("cp")).IsPluggedIn);
        h.Seconds(1); // 07:00
        var gone = await h.ChargePoint("cp");
        Assert.Equal(ChargePointStatus.Disconnected, gone.Status);
        Assert.Equal(Energy.Zero, gone.SessionEnergy);

        h.Step(TimeSpan.FromHours(11)); // 18:00: back with the arrival state of charge
        var back = await h.ChargePoint("cp");
        Assert.True(back.IsPluggedIn);
        Assert.Equal(0.1, back.Vehicle!.StateOfCharge);
        Assert.Equal(Harness.Day.AddDays(2).AddHours(7), back.Vehicle.Departure);
    }

    [Fact]
    public async Task A_simulation_started_inside_the_window_has_the_car_plugged_in()
    {
        var h = new Harness(
            SimSites.Site([SimSites.ChargePoint("cp")]),
            SimSites.Settings(vehicles: [SimSites.Car("cp", new(18, 0), new(7, 0))]),
            Harness.Day.AddHours(2));

        var sample = await h.ChargePoint("cp");
        Assert.Equal(ChargePointStatus.Connected, sample.Status);
        Assert.Equal(Harness.Day.AddHours(7), sample.Vehicle!.Departure);
    }

    [Fact]
    public async Task Departure_is_reported_in_real_time_when_the_clock_is_shifted()
    {
        var h = new Harness(
            SimSites.Site([SimSites.ChargePoint("cp")]),
            SimSites.Settings(startTime: new TimeOnly(12, 0), vehicles: [SimSites.Car("cp", new(8, 0), new(17, 0))]),
            Harness.Day.AddHours(3));

        var sample = await h.ChargePoint("cp");
        Assert.True(sample.IsPluggedIn);
        Assert.Equal(h.Now.AddHours(5), sample.Vehicle!.Departure); // 17:00 simulated is five hours away
    }

    [Fact]
    public async Task A_session_ending_in_the_repeated_hour_of_a_daylight_saving_change_ends_once()
    {
        // Central European rules: clocks go back from 03:00 CEST to 02:00 CET on 25 October 2026 (01:00 UTC).
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            DateTime.MinValue.Date,
            DateTime.MaxValue.Date,
            TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday));
        var berlin = TimeZoneInfo.CreateCustomTimeZone("Test/Berlin", TimeSpan.FromHours(1), "Test Berlin", "CET", "CEST", [rule]);
        var h = new Harness(
            SimSites.Site([SimSites.ChargePoint("cp")], timeZone: berlin),
            SimSites.Settings(vehicles: [SimSites.Car("cp", new(22, 0), new(2, 30))]),
            new DateTimeOffset(2026, 10, 24, 19, 0, 0, TimeSpan.Zero));

        h.Step(TimeSpan.FromHours(1)); // 22:00 CEST
        var arrived = await h.ChargePoint("cp");
        Assert.Equal(ChargePointStatus.Connected, arrived.Status);
        var departure = new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero); // the first 02:30
        Assert.Equal(departure, arrived.Vehicle!.Departure);

        h.RunTo(departure - TimeSpan.FromSeconds(1));
        Assert.True((await h.ChargePoint("cp")).IsPluggedIn);
        h.Seconds(1);
        Assert.Equal(ChargePointStatus.Disconnected, (await h.ChargePoint("cp")).Status);

        // 02:00–02:30 again, now in CET: the car has left and does not come back until 22:00.
        for (var minute = 0; minute < 20 * 60; minute++)
        {
            h.Step(TimeSpan.FromMinutes(1));
            Assert.Equal(ChargePointStatus.Disconnected, (await h.ChargePoint("cp")).Status);
        }

        h.RunTo(new DateTimeOffset(2026, 10, 25, 21, 0, 0, TimeSpan.Zero)); // 22:00 CET
        Assert.True((await h.ChargePoint("cp")).IsPluggedIn);
    }
}
