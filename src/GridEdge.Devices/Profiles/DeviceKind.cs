namespace GridEdge.Devices.Profiles;

/// <summary>What a profile describes.</summary>
public enum DeviceKind
{
    Meter,
    Inverter,
    Battery,
}
