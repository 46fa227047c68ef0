using GridEdge.Modbus;

namespace GridEdge.Devices.Profiles;

/// <summary>A signature register for `modbus scan`: the profile matches when the value lies in [Min, Max].</summary>
public sealed record IdentifyRule(FunctionCode Function, ushort Register, RegisterType Type, WordOrder Order, double Min, double Max);
