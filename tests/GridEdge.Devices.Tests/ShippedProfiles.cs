using GridEdge.Devices.Profiles;
using GridEdge.Testing;

namespace GridEdge.Devices.Tests;

/// <summary>The profiles in firmware-config/devices, loaded once for all tests.</summary>
internal static class ShippedProfiles
{
    public static string Directory => Path.Combine(RepoPaths.FirmwareConfigDir, "devices");

    public static DeviceProfiles All { get; } = DeviceProfiles.Load(Directory);

    public static DeviceProfile Get(string name) => All.Get(name);
}
