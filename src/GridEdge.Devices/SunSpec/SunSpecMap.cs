namespace GridEdge.Devices.SunSpec;

/// <summary>Where a device's SunSpec block starts ("SunS") and the models found walking its chain.</summary>
public sealed record SunSpecMap(ushort Base, IReadOnlyList<SunSpecModel> Models)
{
    public SunSpecModel? Find(int id) => Models.FirstOrDefault(m => m.Id == id);
}
