using GridEdge.Optimization.Forecasts;
using GridEdge.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace GridEdge.Optimization.Tests.Forecasts;

public sealed class FileScheduleFeedTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("gridedge-prices-").FullName;
    private readonly RecordingLogger _log = new();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly LatestSchedule<IReadOnlyList<PriceSlot>> _prices;

    public FileScheduleFeedTests()
    {
        _prices = new("planning.prices", (reader, origin) => PriceFiles.ReadJepx(reader, origin), _log);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string PricePath => Path.Combine(_directory, "jepx.csv");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Writes the file with a distinct time stamp, as a new upload would have.</summary>
    private void Write(string text, int minute)
    {
        File.WriteAllText(PricePath, text);
        File.SetLastWriteTimeUtc(PricePath, new DateTime(2026, 11, 23, 9, minute, 0, DateTimeKind.Utc));
    }

    private FileScheduleFeed Feed() => new(PricePath, _prices, _time, _log);

    [Fact]
    public async Task The_file_is_read_and_read_again_when_it_changes()
    {
        var feed = Feed();
        Write("date,slot,price\n2026/11/23,1,10\n", 1);

        Assert.True(await feed.RefreshAsync(Ct));
        Assert.True(await feed.RefreshAsync(Ct));
        Assert.Equal(1, _prices.Version);

        Write("date,slot,price\n2026/11/23,1,12\n", 2);
        Assert.True(await feed.RefreshAsync(Ct));

        Assert.Equal(12, Assert.Single(_prices.Current!).PricePerKwh);
        Assert.Equal(2, _prices.Version);
    }

    [Fact]
    public async Task A_missing_file_is_logged_once_and_picked_up_when_it_appears()
    {
        var feed = Feed();

        Assert.False(await feed.RefreshAsync(Ct));
        Assert.False(await feed.RefreshAsync(Ct));
        Assert.Null(_prices.Current);
        var warning = Assert.Single(_log.At(LogLevel.Warning));
        Assert.Contains(PricePath, warning, StringComparison.Ordinal);
        Assert.Contains("file not found", warning, StringComparison.Ordinal);

        Write("date,slot,price\n2026/11/23,1,10\n", 1);
        Assert.True(await feed.RefreshAsync(Ct));
        Assert.Equal(10, Assert.Single(_prices.Current!).PricePerKwh);
    }

    [Fact]
    public async Task A_broken_upload_keeps_the_previous_prices_and_names_file_and_line()
    {
        var feed = Feed();
        Write("date,slot,price\n2026/11/23,1,10\n", 1);
        await feed.RefreshAsync(Ct);

        Write("date,slot,price\n2026/11/23,1,10\n2026/11/23,99,10\n", 2);
        Assert.False(await feed.RefreshAsync(Ct));
        Assert.False(await feed.RefreshAsync(Ct));

        Assert.Equal(10, Assert.Single(_prices.Current!).PricePerKwh);
        Assert.Contains($"{PricePath} line 3: 'slot' = 99 is not 1..48", Assert.Single(_log.At(LogLevel.Error)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Running_it_checks_the_file_every_ten_seconds_of_its_clock()
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        Write("date,slot,price\n2026/11/23,1,10\n", 1);
        var feed = Feed();
        var run = feed.RunAsync(stop.Token);
        await Eventually.True(() => feed.NextAttempt == Start + FileScheduleFeed.CheckEvery, "first check", Ct);
        Assert.Equal(1, _prices.Version);

        Write("date,slot,price\n2026/11/23,1,12\n", 2);
        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(1, _prices.Version);
        _time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.True(() => _prices.Version == 2, "the changed file read", Ct);
        Assert.Equal(12, Assert.Single(_prices.Current!).PricePerKwh);

        await stop.CancelAsync();
        await run;
    }
}
