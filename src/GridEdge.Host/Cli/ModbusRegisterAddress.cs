using GridEdge.Modbus;

namespace GridEdge.Host.Cli;

/// <summary>A `--register` value: the wire address, the function a Modicon reference implies, and what was typed.</summary>
internal readonly record struct RegisterAddress(ushort Address, FunctionCode? Implied, string Text);
