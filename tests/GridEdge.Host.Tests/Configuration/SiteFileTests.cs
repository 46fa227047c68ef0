using GridEdge.Domain.Site;
using GridEdge.Domain.Units;
using GridEdge.Host.Configuration;
using GridEdge.Testing;
using Xunit;

namespace GridEdge.Host.Tests.Configuration;

public sealed class SiteFileTests
{
    [Fact]
    public void Demo_site_loads_and_maps_to_the_domain()
    {
        var result = SiteConfigLoader.Load(RepoPaths.DemoSite);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var config = result.Configuration;
        var site = config.Site;
        Assert.Equal("demo", site.Id);
        Assert.Equal("Demo house", site.Name);
        Assert.Equal("JPY", site.Currency);
        Assert.Equal(TimeSpan.FromHours(9), site.TimeZone.BaseUtcOffset);
        Assert.Equal(Path.GetFullPath(RepoPaths.DemoSite), config.SourcePath);

        Assert.Equal(3, site.Grid.Phases);
        Assert.Equal(new Voltage(230), site.Grid.Voltage);
        Assert.Equal(new Current(25), site.Grid.MaxCurrentPerPhase);
        Assert.Equal(new Power(11000), site.Grid.ImportLimit);
        Assert.Null(site.Grid.ExportLimit);
        Assert.Equal("grid", site.GridMeter.Id);

        Assert.Equal(["grid", "pv"], site.Meters.Select(m => m.Id));
        Assert.All(site.Meters, m => Assert.True(m.Simulated));
        Assert.Equal(
            [new ModbusConnection("tcp://127.0.0.1:15020", 1, "eastron-sdm630"), new ModbusConnection("tcp://127.0.0.1:15020", 3, "sunspec")],
            site.Meters.Select(m => m.Connection));
        Assert.All(site.Meters, m => Assert.Equal(TimeSpan.FromSeconds(1), m.PollInterval));
        Assert.Equal(MeterRole.Pv, site.Meters[1].Role);
        Assert.Equal(new Power(9000), site.Pv?.PeakPower);
        Assert.Equal("pv", site.Pv?.MeterId);
        Assert.Null(site.Battery);

        Assert.Equal(["garage", "carport", "visitor"], site.ChargePoints.Select(c => c.Id));
        var garage = site.ChargePoints[0];
        Assert.Equal("generic", garage.Protocol);
        Assert.True(garage.Simulated);
        Assert.Equal(("local", "garage-wallbox"), (garage.Broker, garage.DeviceId));
        Assert.True(garage.PhaseSwitching);
        Assert.Equal(ChargeMode.Solar, garage.Mode);
        Assert.Equal(1, garage.Priority);
        Assert.Equal(new Current(6), garage.MinCurrent);
        Assert.Equal(new Current(16), garage.MaxCurrent);
        Assert.Equal(new Voltage(230), garage.Voltage);
        Assert.Equal(new Current(0.1), garage.CurrentStep);
        var carport = site.ChargePoints[1];
        Assert.Equal((1, 2, ChargeMode.MinSolar), (carport.Phases, carport.GridPhase, carport.Mode));
        Assert.Equal(ChargeMode.Now, site.ChargePoints[2].Mode);

        Assert.Equal(TimeSpan.FromSeconds(1), site.Control.Interval);
        Assert.Equal(new Power(100), site.Control.Reserve);
        Assert.Equal(TimeSpan.FromSeconds(30), site.Control.EnableDelay);
        Assert.Equal(TimeSpan.FromMinutes(2), site.Control.DisableDelay);
        Assert.Equal(new ControlSettings().SetpointTtl, site.Control.SetpointTtl);

        Assert.Equal(new Uri("http://127.0.0.1:8080"), config.Api.Url);
        var broker = Assert.Single(config.MqttBrokers);
        Assert.Equal(("local", true, 18883), (broker.Id, broker.Embedded, broker.Port));
        Assert.Null(config.Telemetry.Influx);
        Assert.Equal("spool", config.Telemetry.Spool.Path);
        Assert.Equal(512L * 1024 * 1024, config.Telemetry.Spool.MaxBytes);

        var simulation = config.Simulation;
        Assert.NotNull(simulation);
        Assert.Equal(new TimeOnly(10, 30), simulation.StartTime);
        Assert.Equal(7, simulation.Seed);
        Assert.Equal(new Power(9000), simulation.Pv.Peak);
        Assert.Equal((new TimeOnly(6, 0), new TimeOnly(18, 30), 0.3), (simulation.Pv.Sunrise, simulation.Pv.Sunset, simulation.Pv.Cloudiness));
        Assert.Equal(new Power(400), simulation.House.BaseLoad);
        Assert.Equal(new Power(1800), simulation.House.PeakLoad);
        Assert.Equal(new Power(2200), simulation.House.SpikeLoad);
        Assert.Equal(1.5, simulation.House.SpikesPerHour);
        Assert.Equal(["garage", "carport", "visitor"], simulation.Vehicles.Select(v => v.ChargePointId));
        var visitor = simulation.Vehicles[2];
        Assert.Equal(new Energy(50000), visitor.Capacity);
        Assert.Equal(0.2, visitor.ArrivalStateOfCharge);
        Assert.Equal(new Energy(12000), visitor.TargetEnergy);
        Assert.Equal((new TimeOnly(10, 0), new TimeOnly(14, 0)), (visitor.Arrive, visitor.Depart));
        Assert.Equal(1, simulation.Vehicles[1].Phases);
        Assert.Null(simulation.Vehicles[0].TargetEnergy);
        Assert.Equal(new Current(16), simulation.Vehicles[0].MaxCurrent);
    }

    [Fact]
    public void Japanese_home_loads_and_maps_to_the_domain()
    {
        var result = SiteConfigLoader.Load(RepoPaths.Site("jp-home"));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var config = result.Configuration;
        var site = config.Site;
        Assert.Equal("jp-home", site.Id);
        Assert.Equal((1, new Voltage(200), new Current(60)), (site.Grid.Phases, site.Grid.Voltage, site.Grid.MaxCurrentPerPhase));
        Assert.Equal(new Power(12000), site.Grid.EffectiveImportLimit);

        var meter = Assert.Single(site.Meters);
        Assert.Equal(new ModbusConnection("tcp://192.0.2.10:502", 1, "eastron-sdm120"), meter.Connection);

        var broker = Assert.Single(config.MqttBrokers);
        Assert.Equal("local", broker.Id);
        Assert.Equal(new Uri("mqtt://127.0.0.1:1883"), broker.Url);
        Assert.False(broker.Embedded);
        Assert.Equal(1883, broker.Port);

        var charger = Assert.Single(site.ChargePoints);
        Assert.Equal(("generic", "local", "wallbox", "gridedge/charger"), (charger.Protocol, charger.Broker, charger.DeviceId, charger.Prefix));
        Assert.Equal((1, new Voltage(200)), (charger.Phases, charger.Voltage));
        Assert.Equal((new Current(6), new Current(30)), (charger.MinCurrent, charger.MaxCurrent));
        Assert.Equal(ChargeMode.Plan, charger.Mode);
        Assert.Equal(new Power(6000), charger.MaxPower(1));

        // Plans with the JEPX Tokyo price from the file next to the site file, spot + 14 JPY.
        var prices = site.Planning!.Prices!;
        Assert.Equal((new FileScheduleSource("prices/jepx.csv"), PriceFormat.Jepx, "tokyo", 14.0), (prices.Source, prices.Format, prices.Column, prices.ImportMarkupPerKwh));
        using (var file = File.OpenText(Path.Combine(RepoPaths.SitesDir, "prices", "jepx.csv")))
        {
            var slots = GridEdge.Optimization.Forecasts.PriceFiles.ReadJepx(file, "jepx.csv", prices.Column);
            Assert.Equal(48, slots.Count);
            Assert.All(slots, s => Assert.NotNull(s.Co2GramsPerKwh));
        }

        Assert.Equal(new Price(24), site.Tariff!.ImportAt(new TimeOnly(2, 0)));

        var influx = config.Telemetry.Influx;
        Assert.NotNull(influx);
        Assert.Equal((1, "gridedge", new Uri("http://127.0.0.1:8086")), (influx.Version, influx.Database, influx.Url));
        Assert.Null(config.Simulation);
        Assert.Equal(new ControlSettings(), site.Control);
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("jp-home")]
    public void Every_example_site_validates(string name)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = ValidateCommand.Run(RepoPaths.Site(name), stdout, stderr);

        Assert.Equal("", stderr.ToString());
        Assert.Equal(0, exit);
    }

    [Fact]
    public void Every_site_file_in_the_repository_validates()
    {
        var files = Directory.GetFiles(RepoPaths.SitesDir, "*.yaml");

        Assert.NotEmpty(files);
        Assert.All(files, file =>
        {
            var result = SiteConfigLoader.Load(file);
            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        });
    }
}
