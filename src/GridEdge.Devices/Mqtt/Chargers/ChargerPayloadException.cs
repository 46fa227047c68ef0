namespace GridEdge.Devices.Mqtt.Chargers;

/// <summary>A charger sent something we cannot use; the message says what and why (logged, counted, ignored).</summary>
public sealed class ChargerPayloadException(string message) : Exception(message)
{
    public ChargerPayloadException()
        : this("invalid charger payload")
    {
    }

    public ChargerPayloadException(string message, Exception inner)
        : this(message + ": " + inner.Message)
    {
    }
}
