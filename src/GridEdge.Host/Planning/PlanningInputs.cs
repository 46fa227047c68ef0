using GridEdge.Domain.Site;
using GridEdge.Host.Configuration;
using GridEdge.Host.Runtime;
using GridEdge.Optimization.Forecasts;
using Microsoft.Extensions.Logging;

namespace GridEdge.Host.Planning;

/// <summary>
/// The schedules of <c>planning.prices</c> and <c>planning.forecast</c> with the feeds that keep them
/// current (file, URL or MQTT topic). <see cref="Version"/> moves whenever either takes a new one.
/// </summary>
internal sealed class PlanningInputs
{
    private readonly List<ScheduleFeed> _polled = [];
    private readonly List<MqttScheduleFeed> _subscribed = [];

    /// <summary>The schedules the settings ask for, without feeds: they hold what is offered to them. <see cref="Create"/> adds the feeds.</summary>
    public PlanningInputs(PlanningSettings settings, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Prices is { } prices)
        {
            Prices = new LatestSchedule<IReadOnlyList<PriceSlot>>("planning.prices", PriceParser(prices), logger);
        }

        if (settings.Forecast is not null)
        {
            Forecast = new LatestSchedule<ForecastFile>("planning.forecast", (reader, origin) => ForecastFile.Read(reader, origin), logger);
        }
    }

    /// <summary>Spot prices (per kWh, as the file gives them); null without <c>planning.prices</c>.</summary>
    public LatestSchedule<IReadOnlyList<PriceSlot>>? Prices { get; }

    /// <summary>PV/load forecast; null without <c>planning.forecast</c>.</summary>
    public LatestSchedule<ForecastFile>? Forecast { get; }

    /// <summary>Moves with every schedule accepted by either: a cheap way to know a re-plan is due.</summary>
    public long Version => (Prices?.Version ?? 0) + (Forecast?.Version ?? 0);

    /// <summary>
    /// The inputs of a site's planning section. Relative paths are taken from the site file's folder.
    /// Feeds run on the wall clock even when the site runs on stepped time: an HTTP timeout is real.
    /// </summary>
    public static PlanningInputs Create(SiteConfiguration configuration, SiteDevices devices, ILogger logger)
    {
        var settings = configuration.Site.Planning ?? throw new ArgumentException("the site has no planning section", nameof(configuration));
        var inputs = new PlanningInputs(settings, logger);
        var folder = Path.GetDirectoryName(Path.GetFullPath(configuration.SourcePath)) ?? "";
        if (inputs.Prices is { } prices)
        {
            inputs.AddFeed(settings.Prices!.Source, prices, folder, devices, logger);
        }

        if (inputs.Forecast is { } forecast)
        {
            inputs.AddFeed(settings.Forecast!, forecast, folder, devices, logger);
        }

        return inputs;
    }

    /// <summary>Reads every file and URL once and registers the MQTT topics: what a stepped run plans with.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await SubscribeAsync(cancellationToken);
        foreach (var feed in _polled)
        {
            await feed.RefreshAsync(cancellationToken);
        }
    }

    /// <summary>Keeps every schedule current until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await SubscribeAsync(cancellationToken);
        await Task.WhenAll(_polled.Select(f => f.RunAsync(cancellationToken)));
    }

    private async Task SubscribeAsync(CancellationToken cancellationToken)
    {
        foreach (var feed in _subscribed)
        {
            await feed.SubscribeAsync(cancellationToken);
        }
    }

    private static Func<TextReader, string, IReadOnlyList<PriceSlot>> PriceParser(PriceSourceSettings prices) => prices.Format switch
    {
        PriceFormat.Jepx => (reader, origin) => PriceFiles.ReadJepx(reader, origin, prices.Column),
        _ => PriceFiles.ReadEuDayAhead,
    };

    private void AddFeed(ScheduleSource source, IScheduleTarget target, string folder, SiteDevices devices, ILogger logger)
    {
        switch (source)
        {
            case FileScheduleSource file:
                _polled.Add(new FileScheduleFeed(Path.Combine(folder, file.Path), target, TimeProvider.System, logger));
                break;
            case UrlScheduleSource url:
                try
                {
                    var headers = ScheduleCredentials.Resolve(
                        url.CredentialsFile is { } credentials ? Path.Combine(folder, credentials) : null,
                        ScheduleCredentials.TokenVariable(target.Name),
                        Environment.GetEnvironmentVariable);
                    _polled.Add(new HttpScheduleFeed(url.Url, headers, url.Refresh, url.Timeout, target, TimeProvider.System, logger));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
                {
                    // The planner still runs on the tariff; the log says why the prices never come.
                    Log.ScheduleFeedUnavailable(logger, target.Name, $"credentials: {ex.Message}");
                }

                break;
            case MqttScheduleSource mqtt:
                _subscribed.Add(new MqttScheduleFeed(devices.ConnectionTo(mqtt.Broker), mqtt.Topic, target));
                break;
        }
    }
}
