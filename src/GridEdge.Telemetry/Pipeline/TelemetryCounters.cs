namespace GridEdge.Telemetry.Pipeline;

/// <summary>
/// Points through the pipeline. After a clean stop
/// <c>Produced + Recovered = Written + Spooled + Dropped + DeadLettered</c>; with an empty spool at
/// start (Recovered = 0) that is the run summary's <c>produced = written + spooled + dropped + dead_lettered</c>.
/// </summary>
/// <param name="Produced">Points handed to Record in this run.</param>
/// <param name="Written">Points the server acknowledged (2xx).</param>
/// <param name="Spooled">Points on disk waiting for the server (now).</param>
/// <param name="Dropped">Points given up: queue full, no representable field, or spool over its size/age bound.</param>
/// <param name="DeadLettered">Points the server refused for good, kept in the dead-letter file.</param>
/// <param name="InvalidValues">Field values left out because they were NaN or ±Infinity.</param>
/// <param name="Recovered">Points found in the spool at start (backlog of an earlier run).</param>
/// <param name="Refusals">401/403/404 answers: the configuration alarm.</param>
/// <param name="Retries">Requests that failed and were retried (network, 429, 5xx).</param>
public sealed record TelemetryCounters(
    long Produced,
    long Written,
    long Spooled,
    long Dropped,
    long DeadLettered,
    long InvalidValues,
    long Recovered,
    long Refusals,
    long Retries);
