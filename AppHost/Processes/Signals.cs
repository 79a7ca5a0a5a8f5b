namespace Reseller.AppHost.Processes;

internal static class Signals
{
    public const int Interrupt = 2;
    public const int Kill = 9;
    public const int Terminate = 15;

    public static string Name(int signal) => signal switch
    {
        Interrupt => "INT",
        Kill => "KILL",
        _ => "TERM",
    };

    public static void Send(int pid, int signal)
    {
        // pid 0 and -1 would address our own process group or every process.
        if (pid > 1)
        {
            _ = NativeMethods.Kill(pid, signal);
        }
    }

    public static void SendToGroup(int processGroup, int signal)
    {
        if (processGroup > 1 && processGroup != Environment.ProcessId)
        {
            _ = NativeMethods.Kill(-processGroup, signal);
        }
    }
}
