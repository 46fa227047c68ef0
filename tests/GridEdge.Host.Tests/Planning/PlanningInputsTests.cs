using GridEdge.Host.Configuration;
using GridEdge.Host.Planning;
using GridEdge.Host.Runtime;
using GridEdge.Host.Tests.Configuration;
using GridEdge.Testing;
using Microsoft.Extensions.Logging;
using Xunit;

namespace GridEdge.Host.Tests.Planning;

/// <summary>The feeds a site's planning section gets, as a real-time run starts them.</summary>
public sealed class PlanningInputsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gridedge-inputs-").FullName;
    private readonly RecordingLogger _log = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private SiteConfiguration Site(string prices)
    {
        var yaml = SiteYaml.Valid + "planning:\n  latitude: 35.68\n  longitude: 139.69\n  prices:\n"
            + string.Concat(prices.Split('\n').Select(line => "    " + line + "\n"));
        var load = SiteConfigLoader.Parse(yaml, Path.Combine(_directory, "site.yaml"));
        Assert.True(load.Succeeded, string.Join("\n", load.Errors));
        return load.Configuration;
    }

    [Fact]
    public async Task Running_inputs_read_the_price_file_beside_the_site_file_until_cancelled()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "prices"));
        await File.WriteAllTextAsync(Path.Combine(_directory, "prices", "jepx.csv"), "date,slot,price\n2026/11/23,1,10\n", Ct);
        var configuration = Site("source: file\npath: prices/jepx.csv\nformat: jepx");
        await using var devices = SiteDevices.Create(configuration, TimeProvider.System, out _);
        var inputs = PlanningInputs.Create(configuration, devices, _log);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var run = inputs.RunAsync(stop.Token);
        await Eventually.True(() => inputs.Version == 1, "the price file read", Ct);
        await stop.CancelAsync();
        await run;

        Assert.Equal(10, Assert.Single(inputs.Prices!.Current!).PricePerKwh);
        Assert.Null(inputs.Forecast);
    }

    [Fact]
    public async Task A_credentials_file_that_cannot_be_read_leaves_the_url_unfetched_and_says_why()
    {
        var configuration = Site("source: url\nurl: https://prices.example.com/jepx.csv\ncredentials_file: prices.headers\nformat: jepx");
        await using var devices = SiteDevices.Create(configuration, TimeProvider.System, out _);

        var inputs = PlanningInputs.Create(configuration, devices, _log);
        await inputs.LoadAsync(Ct);

        var warning = Assert.Single(_log.At(LogLevel.Warning));
        Assert.Contains("planning.prices", warning, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_directory, "prices.headers"), warning, StringComparison.Ordinal);
        Assert.Equal(0, inputs.Version);
    }
}
