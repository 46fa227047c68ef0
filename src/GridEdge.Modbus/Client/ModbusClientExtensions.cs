namespace GridEdge.Modbus;

/// <summary>Typed requests on any <see cref="IModbusClient"/>.</summary>
public static class ModbusClientExtensions
{
    public static async Task<ushort[]> ReadHoldingRegistersAsync(this IModbusClient client, byte unit, ushort address, int count, CancellationToken cancellationToken) =>
        ModbusReply.Registers(await client.SendAsync(unit, ModbusRequest.ReadHoldingRegisters(address, count), cancellationToken).ConfigureAwait(false));

    public static async Task<ushort[]> ReadInputRegistersAsync(this IModbusClient client, byte unit, ushort address, int count, CancellationToken cancellationToken) =>
        ModbusReply.Registers(await client.SendAsync(unit, ModbusRequest.ReadInputRegisters(address, count), cancellationToken).ConfigureAwait(false));

    /// <summary>FC03 or FC04 by <paramref name="function"/>.</summary>
    public static Task<ushort[]> ReadRegistersAsync(this IModbusClient client, byte unit, FunctionCode function, ushort address, int count, CancellationToken cancellationToken) =>
        function == FunctionCode.ReadInputRegisters
            ? client.ReadInputRegistersAsync(unit, address, count, cancellationToken)
            : client.ReadHoldingRegistersAsync(unit, address, count, cancellationToken);

    public static async Task<bool[]> ReadCoilsAsync(this IModbusClient client, byte unit, ushort address, int count, CancellationToken cancellationToken) =>
        ModbusReply.Bits(await client.SendAsync(unit, ModbusRequest.ReadCoils(address, count), cancellationToken).ConfigureAwait(false), count);

    public static async Task<bool[]> ReadDiscreteInputsAsync(this IModbusClient client, byte unit, ushort address, int count, CancellationToken cancellationToken) =>
        ModbusReply.Bits(await client.SendAsync(unit, ModbusRequest.ReadDiscreteInputs(address, count), cancellationToken).ConfigureAwait(false), count);

    public static Task WriteSingleCoilAsync(this IModbusClient client, byte unit, ushort address, bool on, CancellationToken cancellationToken) =>
        client.SendAsync(unit, ModbusRequest.WriteSingleCoil(address, on), cancellationToken);

    public static Task WriteSingleRegisterAsync(this IModbusClient client, byte unit, ushort address, ushort value, CancellationToken cancellationToken) =>
        client.SendAsync(unit, ModbusRequest.WriteSingleRegister(address, value), cancellationToken);

    public static Task WriteMultipleCoilsAsync(this IModbusClient client, byte unit, ushort address, IReadOnlyList<bool> coils, CancellationToken cancellationToken) =>
        client.SendAsync(unit, ModbusRequest.WriteMultipleCoils(address, coils), cancellationToken);

    public static Task WriteMultipleRegistersAsync(this IModbusClient client, byte unit, ushort address, IReadOnlyList<ushort> values, CancellationToken cancellationToken) =>
        client.SendAsync(unit, ModbusRequest.WriteMultipleRegisters(address, values), cancellationToken);

    public static async Task<ushort[]> ReadWriteMultipleRegistersAsync(
        this IModbusClient client, byte unit, ushort readAddress, int readCount, ushort writeAddress, IReadOnlyList<ushort> values, CancellationToken cancellationToken) =>
        ModbusReply.Registers(await client.SendAsync(unit, ModbusRequest.ReadWriteMultipleRegisters(readAddress, readCount, writeAddress, values), cancellationToken).ConfigureAwait(false));
}
