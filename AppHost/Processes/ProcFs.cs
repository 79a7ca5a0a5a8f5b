namespace Reseller.AppHost.Processes;

internal static class ProcFs
{
    public static bool IsAlive(int pid)
    {
        var fields = StatFields(pid);
        return fields is not null && fields[0] != "Z";
    }

    public static string? CommandName(int pid) => ReadOrNull($"/proc/{pid}/comm")?.Trim();

    public static int? ParentId(int pid) => Field(pid, 1);

    public static int? SessionId(int pid) => Field(pid, 3);

    // Our children lead their own session (setsid) and are parented by the AppHost; once that
    // AppHost is gone the leader is re-parented to init, or is gone itself.
    public static bool IsOrphan(int pid)
    {
        var session = SessionId(pid);
        if (session is null)
        {
            return false;
        }

        return !IsAlive(session.Value) || ParentId(session.Value) == 1;
    }

    public static IEnumerable<int> WithEnvironmentEntry(string commandName, string entry)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || CommandName(pid) != commandName)
            {
                continue;
            }

            var environment = ReadOrNull(Path.Combine(directory, "environ"));
            if (environment is not null && environment.Split('\0').Contains(entry, StringComparer.Ordinal))
            {
                yield return pid;
            }
        }
    }

    private static int? Field(int pid, int index)
    {
        var fields = StatFields(pid);
        return fields is not null && int.TryParse(fields[index], out var value) ? value : null;
    }

    // Fields after "pid (comm)": state ppid pgrp session ...
    private static string[]? StatFields(int pid)
    {
        var stat = ReadOrNull($"/proc/{pid}/stat");
        var end = stat?.LastIndexOf(')') ?? -1;
        return end < 0 ? null : stat![(end + 2)..].Split(' ');
    }

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
