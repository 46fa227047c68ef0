using System.Runtime.InteropServices;

namespace GridEdge.Testing;

/// <summary>POSIX kill(2), to send SIGTERM/SIGINT to a process a test started (Process.Kill only sends SIGKILL).</summary>
internal static partial class NativeSignals
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);
}
