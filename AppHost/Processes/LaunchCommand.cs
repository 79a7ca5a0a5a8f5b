using System.Diagnostics;

namespace Reseller.AppHost.Processes;

// setsid puts the child in its own process group (a terminal's Ctrl+C reaches only us, and the
// group can be killed as a whole); setpriv sets the parent-death signal and drops to another user.
// Both exec directly, so the pid we see is the real program's.
internal static class LaunchCommand
{
    private const string SetSid = "/usr/bin/setsid";
    private const string SetPriv = "/usr/bin/setpriv";

    public static ProcessStartInfo For(ChildProcessSpec spec)
    {
        var info = new ProcessStartInfo
        {
            WorkingDirectory = spec.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        List<string> command = [.. Wrapper(spec), spec.FileName, .. spec.Arguments];
        info.FileName = command[0];
        foreach (var argument in command.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var key in info.Environment.Keys.ToList())
        {
            if (spec.RemovedVariablePrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.Ordinal)))
            {
                info.Environment.Remove(key);
            }
        }

        foreach ((var key, var value) in spec.Environment)
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        return info;
    }

    public static IReadOnlyList<string> AsUser(string? user) =>
        user is null || !Environment.IsPrivilegedProcess
            ? []
            : [SetPriv, $"--reuid={user}", $"--regid={user}", "--init-groups", "--"];

    private static IEnumerable<string> Wrapper(ChildProcessSpec spec)
    {
        if (!File.Exists(SetSid) || !File.Exists(SetPriv))
        {
            return AsUser(spec.RunAsUser);
        }

        List<string> wrapper = [SetSid, SetPriv, "--pdeathsig", Signals.Name(spec.StopSignal)];
        if (spec.RunAsUser is not null && Environment.IsPrivilegedProcess)
        {
            wrapper.AddRange([$"--reuid={spec.RunAsUser}", $"--regid={spec.RunAsUser}", "--init-groups"]);
        }

        wrapper.Add("--");
        return wrapper;
    }
}
