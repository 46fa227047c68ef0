namespace GridEdge.Modbus;

/// <summary>What went wrong with a request, for counters and exit codes.</summary>
public enum ModbusErrorKind
{
    /// <summary>The device answered with an exception reply.</summary>
    DeviceException,

    /// <summary>No valid reply in time.</summary>
    Timeout,

    /// <summary>A reply that was not valid Modbus.</summary>
    Frame,

    /// <summary>The bus could not be opened or was lost.</summary>
    Connection,

    /// <summary>Anything else (a bug, a refused argument).</summary>
    Other,
}
