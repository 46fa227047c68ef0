namespace GridEdge.Modbus;

/// <summary>The spec's wording of each exception code, for one-line error messages.</summary>
public static class ExceptionCodeNames
{
    public static string Describe(ExceptionCode code) => code switch
    {
        ExceptionCode.IllegalFunction => "illegal function",
        ExceptionCode.IllegalDataAddress => "illegal data address",
        ExceptionCode.IllegalDataValue => "illegal data value",
        ExceptionCode.ServerDeviceFailure => "server device failure",
        ExceptionCode.Acknowledge => "acknowledge",
        ExceptionCode.ServerDeviceBusy => "server device busy",
        ExceptionCode.MemoryParityError => "memory parity error",
        ExceptionCode.GatewayPathUnavailable => "gateway path unavailable",
        ExceptionCode.GatewayTargetDeviceFailedToRespond => "gateway target device failed to respond",
        _ => "unknown exception code",
    };
}
