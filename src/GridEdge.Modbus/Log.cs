using Microsoft.Extensions.Logging;

namespace GridEdge.Modbus;

/// <summary>Every log line of the Modbus stack, source-generated. Event ids 4000–4999.</summary>
internal static partial class Log
{
    [LoggerMessage(4000, LogLevel.Information, "Modbus {Target}: connected")]
    public static partial void Connected(ILogger logger, string target);

    [LoggerMessage(4001, LogLevel.Warning, "Modbus {Target}: connect failed ({Error}); next attempt after {BackoffMs} ms")]
    public static partial void ConnectFailed(ILogger logger, string target, string error, double backoffMs);

    [LoggerMessage(4002, LogLevel.Information, "Modbus {Target}: connection closed ({Reason})")]
    public static partial void Disconnected(ILogger logger, string target, string reason);

    [LoggerMessage(4003, LogLevel.Debug, "Modbus: discarded reply with transaction {Got} unit {GotUnit}, waiting for {Expected} unit {ExpectedUnit}")]
    public static partial void StrayReplyDiscarded(ILogger logger, ushort got, byte gotUnit, ushort expected, byte expectedUnit);

    [LoggerMessage(4004, LogLevel.Warning, "Modbus {Target}: bad frame: {Error}")]
    public static partial void FrameError(ILogger logger, string target, string error);

    [LoggerMessage(4100, LogLevel.Information, "Modbus server listening on {EndPoint}")]
    public static partial void ServerListening(ILogger logger, string endPoint);

    [LoggerMessage(4101, LogLevel.Debug, "Modbus server: client {Client} dropped ({Reason})")]
    public static partial void ServerClientDropped(ILogger logger, string client, string reason);

    [LoggerMessage(4102, LogLevel.Warning, "Modbus server: refused a client, {Limit} connections already open")]
    public static partial void ServerClientRefused(ILogger logger, int limit);

    [LoggerMessage(4103, LogLevel.Debug, "Modbus RTU server: dropped a frame ({Reason})")]
    public static partial void ServerFrameDropped(ILogger logger, string reason);
}
