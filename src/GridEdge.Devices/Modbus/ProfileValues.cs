namespace GridEdge.Devices.Modbus;

/// <summary>Decoded values of one poll in SI units by quantity, and the quantities the device did not deliver.</summary>
public sealed record ProfileValues(IReadOnlyDictionary<string, double> Values, IReadOnlyList<string> Missing)
{
    public double? this[string quantity] => Values.TryGetValue(quantity, out var value) ? value : null;
}
