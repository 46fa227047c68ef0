namespace GridEdge.Host.Cli;

/// <summary>Process exit codes, fixed by CLI.md.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int RuntimeFailure = 1;
    public const int UsageError = 2;
    public const int DeviceError = 3;
    public const int Timeout = 4;
    public const int ConnectFailed = 5;
}
