namespace GridEdge.Telemetry.Writer;

/// <summary>What the server made of one write request, reduced to what the sender must do next.</summary>
public enum WriteOutcomeKind
{
    /// <summary>2xx: every line is stored.</summary>
    Accepted,

    /// <summary>400 or 422: some line is bad. Never resend the batch as a whole: split it.</summary>
    Rejected,

    /// <summary>413: the body is too large: split it.</summary>
    TooLarge,

    /// <summary>401, 403, 404: credentials, permissions, database or bucket are wrong. Alarm and retry later.</summary>
    Refused,

    /// <summary>429, 503, other 5xx, network errors, timeouts: retry after a while.</summary>
    Retry,
}

/// <summary>The outcome of one write request.</summary>
/// <param name="Kind">What to do next.</param>
/// <param name="Status">HTTP status, or 0 for network errors.</param>
/// <param name="Message">Server's error text (bounded) or the network error.</param>
/// <param name="RetryAfter">The server's Retry-After, when it sent one.</param>
public sealed record WriteOutcome(WriteOutcomeKind Kind, int Status, string Message, TimeSpan? RetryAfter = null);
