namespace GridEdge.Devices.SunSpec;

/// <summary>One model in a device's chain: its id, the address of its id register and its length (registers after the length).</summary>
public sealed record SunSpecModel(int Id, ushort Address, int Length);
