using GridEdge.Host.Planning;
using Xunit;

namespace GridEdge.Host.Tests.Planning;

public sealed class ScheduleCredentialsTests
{
    private static string? NoEnvironment(string name) => null;

    [Fact]
    public void A_token_in_the_environment_becomes_a_bearer_header()
    {
        var headers = ScheduleCredentials.Resolve(null, ScheduleCredentials.PricesTokenVariable, name => name == "GRIDEDGE_PRICES_TOKEN" ? "abc" : null);

        Assert.Equal("Bearer abc", Assert.Single(headers, h => h.Key == "Authorization").Value);
        Assert.Empty(ScheduleCredentials.Resolve(null, ScheduleCredentials.ForecastTokenVariable, NoEnvironment));
    }

    [Fact]
    public void A_credentials_file_gives_any_headers_and_wins_over_the_environment()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "# prices API\nX-Api-Key: k3y\n\nAuthorization: Basic dXNlcjpwdw==\n");

            var headers = ScheduleCredentials.Resolve(file, ScheduleCredentials.PricesTokenVariable, _ => "from-env");

            Assert.Equal(2, headers.Count);
            Assert.Equal("k3y", headers["x-api-key"]);
            Assert.Equal("Basic dXNlcjpwdw==", headers["Authorization"]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_line_that_is_no_header_is_refused_without_echoing_it()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "X-Api-Key: k3y\nhunter2\n");

            var ex = Assert.Throws<FormatException>(() => ScheduleCredentials.Resolve(file, ScheduleCredentials.PricesTokenVariable, NoEnvironment));

            Assert.Equal($"{file}:2: expected an HTTP header 'Name: value'", ex.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
