namespace Reseller.AppHost.Processes;

internal static class ProcFs
{
    public static bool IsAlive(int pid)
    {
        string[]? fields = StatFields(pid);
        return fields is not null && fields[0] != "Z";
    }

    public static string? CommandName(int pid) => ReadOrNull($"/proc/{pid}/comm")?.Trim();

    public static int? ParentId(int pid) => Field(pid, 1);

    public static int? SessionId(int pid) => Field(pid, 3);

    // Our children lead their own session (setsid) and are parented by the AppHost; once that
    // AppHost is gone the leader is re-parented to init, or is gone itself.
    public static bool IsOrphan(int pid)
    {
        int? session = SessionId(pid);
        if (session is null)
        {
            return false;
        }

        return !IsAlive(session.Value) || ParentId(session.Value) == 1;
    }

    public static IEnumerable<int> WithEnvironmentEntry(string commandName, string entry)
    {
        foreach (string directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out int pid) || CommandName(pid) != commandName)
            {
                continue;
            }

            string? environment = ReadOrNull(Path.Combine(directory, "environ"));
            if (environment is not null && environment.Split('\0').Contains(entry, StringComparer.Ordinal))
            {
                yield return pid;
            }
        }
    }

    private static int? Field(int pid, int index)
    {
        string[]? fields = StatFields(pid);
        return fields is not null && int.TryParse(fields[index], out int value) ? value : null;
    }

    // Fields after "pid (comm)": state ppid pgrp session ...
    private static string[]? StatFields(int pid)
    {
        string? stat = ReadOrNull($"/proc/{pid}/stat");
        int end = stat?.LastIndexOf(')') ?? -1;
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
