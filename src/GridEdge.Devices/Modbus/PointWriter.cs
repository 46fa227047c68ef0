using GridEdge.Devices.Profiles;
using GridEdge.Modbus;

namespace GridEdge.Devices.Modbus;

/// <summary>
/// Writes one SI value to a point the profile marks writable, encoded with the point's type,
/// scale, word order and sign (shared by `gridedge modbus write` and the battery driver).
/// </summary>
public static class PointWriter
{
    /// <summary>Only holding registers can be written, and only where the profile says so.</summary>
    public static bool IsWritable(ProfilePoint point) => point.Writable && point.Function == FunctionCode.ReadHoldingRegisters;

    /// <summary>
    /// Encodes <paramref name="value"/> (rounded to the register's resolution; a scale-factor
    /// register is read first) and writes it with FC06, or FC16 for multi-register types.
    /// Returns the registers written.
    /// </summary>
    public static async Task<ushort[]> WriteAsync(IModbusClient client, byte unit, ResolvedPoint point, double value, CancellationToken cancellationToken)
    {
        if (!IsWritable(point.Point))
        {
            throw new InvalidOperationException($"{point.Quantity} at register {point.Address} is not a writable holding register in its profile");
        }

        var exponent = point.ScaleAddress is { } scale ? (short)(await client.ReadHoldingRegistersAsync(unit, scale, 1, cancellationToken).ConfigureAwait(false))[0] : 0;
        var registers = PointCodec.Encode(point.Point, value, exponent);
        if (registers.Length == 1)
        {
            await client.WriteSingleRegisterAsync(unit, point.Address, registers[0], cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await client.WriteMultipleRegistersAsync(unit, point.Address, registers, cancellationToken).ConfigureAwait(false);
        }

        return registers;
    }
}
