using System.Globalization;

namespace GridEdge.Modbus;

/// <summary>A device answered with an exception reply: it is alive, but refused the request.</summary>
public sealed class ModbusException : Exception
{
    public ModbusException(byte unit, FunctionCode function, ExceptionCode code, ushort address)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"unit {unit} answered exception 0x{(byte)code:X2} ({ExceptionCodeNames.Describe(code)}) to FC{(byte)function:D2} at register {address}"))
    {
        Unit = unit;
        Function = function;
        Code = code;
        Address = address;
    }

    public ModbusException()
    {
    }

    public ModbusException(string message)
        : base(message)
    {
    }

    public ModbusException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public byte Unit { get; }

    public FunctionCode Function { get; }

    public ExceptionCode Code { get; }

    public ushort Address { get; }
}
