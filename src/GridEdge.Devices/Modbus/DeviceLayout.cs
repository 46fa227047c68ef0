using GridEdge.Devices.Profiles;
using GridEdge.Devices.SunSpec;
using GridEdge.Modbus;

namespace GridEdge.Devices.Modbus;

/// <summary>
/// The points of a profile placed on one device: fixed addresses as written, SunSpec points in
/// the first of their models the device has (others dropped). One point per quantity.
/// </summary>
public sealed class DeviceLayout
{
    private DeviceLayout(DeviceProfile profile, SunSpecMap? sunSpec, IReadOnlyList<ResolvedPoint> points)
    {
        Profile = profile;
        SunSpec = sunSpec;
        MaxGap = profile.MaxGap;
        Points = points;
    }

    public DeviceProfile Profile { get; }

    public SunSpecMap? SunSpec { get; }

    public IReadOnlyList<ResolvedPoint> Points { get; }

    /// <summary>
    /// Unused registers a coalesced read may span: the profile's tolerance until the device
    /// refuses such a read (illegal data address on a gap), then 0 — exact reads only.
    /// </summary>
    public int MaxGap { get; internal set; }

    public static DeviceLayout Resolve(DeviceProfile profile, SunSpecMap? sunSpec)
    {
        var points = new List<ResolvedPoint>();
        foreach (var point in profile.Points)
        {
            if (points.Any(p => p.Quantity == point.Quantity))
            {
                continue;
            }

            if (point.Register is { } register)
            {
                points.Add(new ResolvedPoint(point, register, point.ScaleRegister));
            }
            else if (sunSpec is not null && point.Models.Select(sunSpec.Find).FirstOrDefault(m => m is not null) is { } model
                && point.Offset + point.Width <= model.Length + 2)
            {
                points.Add(new ResolvedPoint(point, (ushort)(model.Address + point.Offset!.Value), (ushort?)(model.Address + point.ScaleOffset) ?? point.ScaleRegister));
            }
        }

        return new DeviceLayout(profile, sunSpec, points);
    }

    /// <summary>
    /// The layout of <paramref name="profile"/> on the device at <paramref name="unit"/>: SunSpec
    /// profiles discover the model chain first (a device without the marker is an error).
    /// </summary>
    public static async Task<DeviceLayout> DiscoverAsync(IModbusClient client, byte unit, DeviceProfile profile, CancellationToken cancellationToken)
    {
        if (profile.Discovery != Discovery.SunSpec)
        {
            return Resolve(profile, null);
        }

        var map = await SunSpecDiscovery.DiscoverAsync(client, unit, cancellationToken).ConfigureAwait(false)
            ?? throw new ModbusException($"unit {unit} on {client.Target} has no SunSpec marker at 40000, 50000 or 0");
        return Resolve(profile, map);
    }

    public ResolvedPoint? Find(string quantity) => Points.FirstOrDefault(p => p.Quantity == quantity);
}
