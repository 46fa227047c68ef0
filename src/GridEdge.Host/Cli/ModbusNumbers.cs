using System.Globalization;
using GridEdge.Modbus;

namespace GridEdge.Host.Cli;

/// <summary>Numbers as CLI.md writes them (decimal or 0x hex) and Modicon register references.</summary>
internal static class ModbusNumbers
{
    public static bool TryParse(string? text, out int value)
    {
        value = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        return text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? int.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value)
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// A wire address (decimal or 0x hex), or a decimal Modicon reference that implies the
    /// function: 30001–39999 and 300001–365536 are input registers (FC04), 40001–49999 and
    /// 400001–465536 holding (FC03). Hex is always a wire address. Null when it is neither.
    /// </summary>
    public static RegisterAddress? Register(string? text)
    {
        if (!TryParse(text, out var number))
        {
            return null;
        }

        if (text!.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return number is >= 0 and <= 65535 ? new RegisterAddress((ushort)number, null, text) : null;
        }

        return number switch
        {
            >= 30001 and <= 39999 => new RegisterAddress((ushort)(number - 30001), FunctionCode.ReadInputRegisters, text),
            >= 40001 and <= 49999 => new RegisterAddress((ushort)(number - 40001), FunctionCode.ReadHoldingRegisters, text),
            >= 300001 and <= 365536 => new RegisterAddress((ushort)(number - 300001), FunctionCode.ReadInputRegisters, text),
            >= 400001 and <= 465536 => new RegisterAddress((ushort)(number - 400001), FunctionCode.ReadHoldingRegisters, text),
            >= 0 and <= 65535 => new RegisterAddress((ushort)number, null, text),
            _ => null,
        };
    }
}
