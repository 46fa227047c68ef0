namespace GridEdge.Testing;

/// <summary>Waits (in real time, bounded) for something another thread or process does: a message delivered, a request served.</summary>
public static class Eventually
{
    public static async Task True(Func<bool> condition, string what, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"{what} did not happen within {limit.TotalSeconds} s");
            }

            await Task.Delay(10, cancellationToken);
        }
    }
}
