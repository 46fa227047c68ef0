using System.CommandLine;

namespace GridEdge.Host.Cli;

/// <summary>`gridedge modbus read|scan|write` — integrator tools for Modbus devices (CLI.md).</summary>
internal static class ModbusCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr) => new("modbus", "Reads, scans and writes Modbus devices over TCP, RTU or RTU over TCP.")
    {
        ModbusReadCommand.Build(stdout, stderr),
        ModbusScanCommand.Build(stdout, stderr),
        ModbusWriteCommand.Build(stdout, stderr),
    };
}
