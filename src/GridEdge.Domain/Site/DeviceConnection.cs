namespace GridEdge.Domain.Site;

/// <summary>How a device is reached. Adapters pick the connections they understand.</summary>
public abstract record DeviceConnection;

/// <summary>A Modbus device: endpoint URI as in CLI.md, unit id and the device profile that maps its registers.</summary>
public sealed record ModbusConnection(string Endpoint, byte Unit, string Profile) : DeviceConnection;

/// <summary>A device played by the built-in site simulation.</summary>
public sealed record SimulatedConnection : DeviceConnection;
