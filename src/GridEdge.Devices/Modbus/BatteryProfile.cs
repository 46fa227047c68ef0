using GridEdge.Devices.Profiles;

namespace GridEdge.Devices.Modbus;

/// <summary>What a profile must offer to drive a battery: state of charge and power to read, a setpoint to write.</summary>
public static class BatteryProfile
{
    /// <summary>Throws <see cref="DeviceProfileException"/> naming the profile and what it lacks.</summary>
    public static void Require(DeviceProfile profile, string deviceId)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var missing = new List<string>();
        if (profile.Point(Quantities.StateOfCharge) is null)
        {
            missing.Add($"a readable {Quantities.StateOfCharge}");
        }

        if (profile.Point(Quantities.Power) is null)
        {
            missing.Add($"a readable {Quantities.Power}");
        }

        // Writable is opt-in per point: a map that does not say so is never written to.
        if (!profile.Points.Any(p => p.Quantity == Quantities.PowerSetpoint && PointWriter.IsWritable(p)))
        {
            missing.Add($"a {Quantities.PowerSetpoint} holding register marked `writable: true`");
        }

        if (missing.Count > 0)
        {
            throw new DeviceProfileException($"profile {profile.Name} cannot drive battery '{deviceId}': it needs {string.Join(" and ", missing)}");
        }
    }
}
