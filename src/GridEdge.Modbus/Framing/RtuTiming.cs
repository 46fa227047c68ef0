namespace GridEdge.Modbus;

/// <summary>Character times of the serial line (Modbus over serial line v1.02 §2.5.1.1).</summary>
public static class RtuTiming
{
    /// <summary>The spec fixes the gaps above 19200 baud so fast lines do not need microsecond timers.</summary>
    private static readonly TimeSpan FixedInterFrame = TimeSpan.FromMicroseconds(1750);
    private static readonly TimeSpan FixedInterCharacter = TimeSpan.FromMicroseconds(750);

    /// <summary>One character is 11 bits on the wire: start, 8 data, parity or second stop, stop.</summary>
    public static TimeSpan CharacterTime(int baud) => TimeSpan.FromSeconds(11.0 / baud);

    /// <summary>The 3.5-character silence that separates frames.</summary>
    public static TimeSpan InterFrameDelay(int baud) => baud > 19200 ? FixedInterFrame : CharacterTime(baud) * 3.5;

    /// <summary>The 1.5-character gap beyond which a frame counts as broken.</summary>
    public static TimeSpan InterCharacterTimeout(int baud) => baud > 19200 ? FixedInterCharacter : CharacterTime(baud) * 1.5;
}
