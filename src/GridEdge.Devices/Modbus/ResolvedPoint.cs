using GridEdge.Devices.Profiles;

namespace GridEdge.Devices.Modbus;

/// <summary>A profile point with its absolute wire addresses on one device (after SunSpec discovery).</summary>
public sealed record ResolvedPoint(ProfilePoint Point, ushort Address, ushort? ScaleAddress)
{
    public string Quantity => Point.Quantity;
}
