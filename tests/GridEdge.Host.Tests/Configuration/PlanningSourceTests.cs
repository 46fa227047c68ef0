using GridEdge.Domain.Site;
using Xunit;
using static GridEdge.Host.Tests.Configuration.SiteYaml;

namespace GridEdge.Host.Tests.Configuration;

/// <summary><c>planning.prices</c> and <c>planning.forecast</c>: one source each, errors at FILE:LINE:COL with the key path.</summary>
public sealed class PlanningSourceTests
{
    /// <summary><see cref="SiteYaml.Valid"/> with a planning section whose <c>prices:</c> body starts at line 33.</summary>
    private static string WithPrices(string body, string forecast = "") =>
        Valid + "planning:\n  latitude: 35.68\n  longitude: 139.69\n  prices:\n"
        + string.Concat(body.Split('\n').Select(line => "    " + line + "\n")) + forecast;

    [Fact]
    public void A_file_source_needs_a_path()
    {
        var error = SingleError(WithPrices("source: file\nformat: jepx"));

        AssertError(error, 33, 5, "planning.prices.path", "required key 'path' is missing (needed with source: file)");
    }

    [Fact]
    public void Two_sources_at_once_are_refused()
    {
        var error = SingleError(WithPrices("source: file\npath: prices/jepx.csv\nurl: https://prices.example.com/jepx.csv\nformat: jepx"));

        AssertError(error, 35, 10, "planning.prices.url", "'url' is only used with source: url");
    }

    [Fact]
    public void The_source_is_required()
    {
        var error = SingleError(WithPrices("path: prices/jepx.csv\nformat: jepx"));

        AssertError(error, 33, 5, "planning.prices.source", "required key 'source' is missing");
    }

    [Fact]
    public void An_unknown_format_lists_the_known_ones()
    {
        var error = SingleError(WithPrices("source: file\npath: prices/jepx.csv\nformat: csv"));

        AssertError(error, 35, 13, "planning.prices.format", "'csv' is not one of: jepx, eu-day-ahead");
    }

    [Fact]
    public void A_column_belongs_to_jepx_only()
    {
        var error = SingleError(WithPrices("source: file\npath: prices/da.csv\nformat: eu-day-ahead\ncolumn: tokyo"));

        AssertError(error, 36, 13, "planning.prices.column", "column is only used with format: jepx");
    }

    [Fact]
    public void The_broker_must_be_a_broker_id()
    {
        var error = SingleError(WithPrices("source: mqtt\ntopic: gridedge/prices/jepx\nbroker: remote\nformat: jepx"));

        AssertError(error, 35, 13, "planning.prices.broker", "'remote' is not a broker id (known: local)");
    }

    [Fact]
    public void A_topic_filter_is_refused()
    {
        var error = SingleError(WithPrices("source: mqtt\ntopic: gridedge/prices/#\nformat: jepx"));

        AssertError(error, 34, 12, "planning.prices.topic", "'gridedge/prices/#' is a topic filter; give one topic, without + or #");
    }

    [Theory]
    [InlineData("token: abc\nsource: url\nurl: https://prices.example.com/jepx.csv", 33, 5, "planning.prices.token")]
    [InlineData("source: url\nurl: https://user:pw@prices.example.com/jepx.csv", 34, 10, "planning.prices.url")]
    [InlineData("source: url\nurl: https://prices.example.com/jepx.csv?area=tokyo&api_key=abc", 34, 10, "planning.prices.url")]
    public void A_secret_in_the_site_file_is_refused(string source, int line, int column, string path)
    {
        var error = SingleError(WithPrices(source + "\nformat: jepx"));

        AssertError(error, line, column, path, "secrets do not belong in the site file; set GRIDEDGE_PRICES_TOKEN or use credentials_file");
    }

    [Fact]
    public void A_url_source_maps_every_key()
    {
        var site = Load(WithPrices("""
            source: url
            url: https://prices.example.com/jepx.csv?area=tokyo
            refresh: 30m
            timeout: 10s
            credentials_file: /etc/gridedge/prices.headers
            format: jepx
            column: tokyo
            import_factor: 1.1
            import_markup_per_kwh: 14
            export: spot
            """)).Site;

        var prices = site.Planning!.Prices!;
        Assert.Equal(
            new UrlScheduleSource(new Uri("https://prices.example.com/jepx.csv?area=tokyo"), TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(10), "/etc/gridedge/prices.headers"),
            prices.Source);
        Assert.Equal((PriceFormat.Jepx, "tokyo", 1.1, 14.0, ExportPriceBasis.Spot), (prices.Format, prices.Column, prices.ImportFactor, prices.ImportMarkupPerKwh, prices.Export));
        Assert.Equal(14 + (1.1 * 10), prices.ImportPrice(10), 1e-12);
        Assert.Null(site.Planning.Forecast);
    }

    [Fact]
    public void Defaults_are_the_system_price_at_face_value_a_15_minute_refresh_and_the_first_broker()
    {
        var planning = Load(WithPrices(
            "source: url\nurl: https://prices.example.com/da.csv\nformat: eu-day-ahead",
            "  forecast:\n    source: mqtt\n    topic: gridedge/forecast\n")).Site.Planning!;

        Assert.Equal(new UrlScheduleSource(new Uri("https://prices.example.com/da.csv"), TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(30), null), planning.Prices!.Source);
        Assert.Equal(("price", 1.0, 0.0, ExportPriceBasis.Tariff), (planning.Prices.Column, planning.Prices.ImportFactor, planning.Prices.ImportMarkupPerKwh, planning.Prices.Export));
        Assert.Equal(new MqttScheduleSource("gridedge/forecast", "local"), planning.Forecast);
    }

    [Fact]
    public void A_forecast_file_is_kept_as_written()
    {
        var planning = Load(WithPrices(
            "source: file\npath: prices/jepx.csv\nformat: jepx",
            "  forecast:\n    source: file\n    path: forecast/pv.csv\n")).Site.Planning!;

        Assert.Equal(new FileScheduleSource("prices/jepx.csv"), planning.Prices!.Source);
        Assert.Equal(new FileScheduleSource("forecast/pv.csv"), planning.Forecast);
    }
}
