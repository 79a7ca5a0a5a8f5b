using System.Runtime.InteropServices;

namespace Reseller.AppHost.Processes;

internal static partial class NativeMethods
{
    [LibraryImport("libc", EntryPoint = "kill")]
    internal static partial int Kill(int pid, int signal);
}
