namespace GridEdge.Devices.Profiles;

/// <summary>How a profile's addresses are found: fixed in the file, or by walking the SunSpec model chain.</summary>
public enum Discovery
{
    Fixed,
    SunSpec,
}
