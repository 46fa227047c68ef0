namespace GridEdge.Devices.Profiles;

/// <summary>
/// Which direction the device counts positive. GridEdge's convention is + import/consumption,
/// − export/generation; an inverter that reports production as positive is <see cref="ExportPositive"/>.
/// </summary>
public enum PointSign
{
    ImportPositive,
    ExportPositive,
}
