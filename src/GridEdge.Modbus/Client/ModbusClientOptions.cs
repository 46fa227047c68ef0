namespace GridEdge.Modbus;

/// <summary>Timing of one bus. The defaults suit a LAN device or a 9600-baud RS-485 line.</summary>
public sealed record ModbusClientOptions
{
    /// <summary>How long one request waits for its reply.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Pause between the end of one exchange and the next request (slow devices, gateways).</summary>
    public TimeSpan InterRequestDelay { get; init; } = TimeSpan.Zero;

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>First wait after a failed connect; doubles per failure up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan InitialReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Cap of the reconnect backoff; 2 s keeps the grid meter retried at least that often.</summary>
    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A connection unused this long is replaced before the next request: servers drop idle clients silently.</summary>
    public TimeSpan IdleReconnect { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>After an RTU broadcast (unit 0) nobody answers; the devices get this long to act.</summary>
    public TimeSpan BroadcastTurnaround { get; init; } = TimeSpan.FromMilliseconds(100);
}
