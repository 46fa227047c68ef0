using GridEdge.Telemetry.Pipeline;
using Microsoft.Extensions.Hosting;

namespace GridEdge.Host.Hosting;

/// <summary>
/// Moves telemetry from the queue to the disk spool and on to InfluxDB. Registered before the
/// gateway service so it stops after it: the last cycle's points still reach the spool.
/// </summary>
internal sealed class TelemetryService(TelemetryPipeline pipeline) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => pipeline.RunAsync(stoppingToken);
}
