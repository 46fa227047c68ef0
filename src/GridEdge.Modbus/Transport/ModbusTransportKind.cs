namespace GridEdge.Modbus;

/// <summary>How requests travel: MBAP over TCP, RTU frames over TCP (serial gateways), RTU on a serial line.</summary>
public enum ModbusTransportKind
{
    Tcp,
    RtuOverTcp,
    Rtu,
}
