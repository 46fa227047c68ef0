using System.Diagnostics;
using GridEdge.Simulation.Settings;
using Xunit;

namespace GridEdge.Simulation.Tests;

public sealed class EnergyBalanceTests
{
    [Fact]
    public async Task A_simulated_day_at_one_second_steps_balances_and_runs_fast()
    {
        var site = SimSites.Site([SimSites.ChargePoint("cp1"), SimSites.ChargePoint("cp2", phases: 1, gridPhase: 3)]);
        var settings = SimSites.Settings(
            cloudiness: 0.6,
            house: new SimulatedHouseSettings { SpikesPerHour = 2 },
            vehicles:
            [
                SimSites.Car("cp1", new(9, 0), new(17, 0), stateOfCharge: 0.3),
                SimSites.Car("cp2", new(18, 0), new(7, 30), stateOfCharge: 0.5, capacityKwh: 40),
            ]);
        var h = new Harness(site, settings);
        var grid = h.Site.Meters.Single(m => m.Id == "grid");
        var lastImport = 0.0;
        var lastExport = 0.0;
        var maxImportSeen = 0.0;
        var maxPhaseSeen = new double[3];

        var watch = Stopwatch.StartNew();
        for (var second = 1; second <= 86_400; second++)
        {
            if (second % 5 == 0)
            {
                // A controller that refreshes its setpoints every 5 s with a 10 s expiry.
                var amps = h.Site.LocalTime.Hour < 12 ? 16 : 8;
                await h.Apply("cp1", amps, ttl: TimeSpan.FromSeconds(10));
                await h.Apply("cp2", 10, phases: 1, ttl: TimeSpan.FromSeconds(10));
            }

            h.Seconds(1);

            if (second % 60 == 0)
            {
                var reading = (await grid.ReadAsync(Harness.Ct)).Value;
                Assert.True(reading.ImportedEnergy!.Value.WattHours >= lastImport);
                Assert.True(reading.ExportedEnergy!.Value.WattHours >= lastExport);
                lastImport = reading.ImportedEnergy.Value.WattHours;
                lastExport = reading.ExportedEnergy.Value.WattHours;
                maxImportSeen = Math.Max(maxImportSeen, reading.Power.Watts);
                for (var p = 0; p < 3; p++)
                {
                    maxPhaseSeen[p] = Math.Max(maxPhaseSeen[p], Math.Abs(reading.PhaseCurrents[p].Amperes));
                }
            }
        }

        watch.Stop();

        var totals = h.Site.Totals;
        Assert.Equal(TimeSpan.FromDays(1), totals.Elapsed);
        var consumption = totals.HouseConsumption + totals.ChargedTotal;
        var net = totals.GridImport - totals.GridExport;
        Assert.Equal((consumption - totals.PvGeneration).WattHours, net.WattHours, 0.001 * consumption.WattHours);

        Assert.InRange(totals.PvGeneration.KilowattHours, 10, 8 * 12);
        Assert.InRange(totals.Charged["cp1"].KilowattHours, 30, 42.001); // at most 70 % of 60 kWh
        Assert.InRange(totals.Charged["cp2"].KilowattHours, 20, 40); // two sessions: until 07:30 and from 18:00
        Assert.True(totals.GridImport.WattHours > 0 && totals.GridExport.WattHours > 0);

        // The meters count what the simulation integrated.
        Assert.Equal(totals.GridImport, (await h.Meter("grid")).ImportedEnergy);
        Assert.Equal(totals.GridExport, (await h.Meter("grid")).ExportedEnergy);
        Assert.Equal(totals.PvGeneration, (await h.Meter("pv")).ExportedEnergy);
        Assert.Equal(totals.HouseConsumption, (await h.Meter("house")).ImportedEnergy);

        Assert.True(totals.MaxGridImport.Watts >= maxImportSeen);
        Assert.True(totals.MaxGridImport.Watts > 2300); // cp2 at 10 A at night plus the house
        for (var p = 0; p < 3; p++)
        {
            Assert.True(totals.MaxPhaseCurrents[p].Amperes >= maxPhaseSeen[p] - 1e-9);
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"a simulated day took {watch.Elapsed}");
    }
}
