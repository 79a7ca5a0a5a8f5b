using Reseller.AppHost.Hosting;
using Reseller.AppHost.Processes;

namespace Reseller.AppHost.Postgres;

// The postgres user must reach its data directory. When the repository sits where it cannot
// (e.g. under /root, mode 700), the real directories live in /var/tmp and <data> holds symlinks.
internal static class PostgresLayout
{
    private const string User = "postgres";
    private const int LongestSocketDirectory = 90;

    public static async Task<PostgresPaths> PrepareAsync(string dataRoot, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataRoot);
        var reachable = await IsReachableAsync(dataRoot, cancellationToken).ConfigureAwait(false);
        var fallback = Path.Combine("/var/tmp", $"reseller-{DataPaths.Tag(dataRoot)}");
        var socketLink = Path.Combine(dataRoot, "postgres-run");
        var data = await PrepareAsync(Path.Combine(dataRoot, "postgres"), Path.Combine(fallback, "postgres"), !reachable, cancellationToken).ConfigureAwait(false);
        var socketTooLong = socketLink.Length > LongestSocketDirectory;
        var socket = await PrepareAsync(socketLink, Path.Combine(fallback, "postgres-run"), !reachable || socketTooLong, cancellationToken).ConfigureAwait(false);
        return new PostgresPaths(data, socket);
    }

    private static async Task<string> PrepareAsync(string link, string fallback, bool useFallback, CancellationToken cancellationToken)
    {
        var info = new DirectoryInfo(link);
        string directory;
        if (info.LinkTarget is not null)
        {
            directory = Path.GetFullPath(info.LinkTarget, Path.GetDirectoryName(link)!);
            Directory.CreateDirectory(directory);
        }
        else if (info.Exists)
        {
            if (useFallback)
            {
                throw new DistributedApplicationException($"the postgres user cannot reach {link}: delete it, or keep the data directory somewhere postgres can traverse");
            }

            directory = link;
        }
        else if (useFallback)
        {
            // A fresh link means <data> was reset: a leftover cluster in /var/tmp is not ours to reuse.
            if (Directory.Exists(fallback))
            {
                Directory.Delete(fallback, recursive: true);
            }

            Directory.CreateDirectory(fallback);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(Path.GetDirectoryName(fallback)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            }

            Directory.CreateSymbolicLink(link, fallback);
            directory = fallback;
        }
        else
        {
            Directory.CreateDirectory(link);
            directory = link;
        }

        await OwnAsync(directory, cancellationToken).ConfigureAwait(false);
        return directory;
    }

    public static async Task OwnAsync(string path, CancellationToken cancellationToken)
    {
        if (Environment.IsPrivilegedProcess)
        {
            var chown = await ToolRunner.RunAsync(new ToolCommand("/bin/chown", [$"{User}:{User}", path]), cancellationToken).ConfigureAwait(false);
            if (!chown.Succeeded)
            {
                throw new DistributedApplicationException($"cannot give {path} to the postgres user: {chown.FirstErrorLine}");
            }
        }

        if (Directory.Exists(path) && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static async Task<bool> IsReachableAsync(string directory, CancellationToken cancellationToken)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return true;
        }

        var probe = await ToolRunner.RunAsync(new ToolCommand("/usr/bin/test", ["-x", directory]) { RunAsUser = User }, cancellationToken).ConfigureAwait(false);
        return probe.Succeeded;
    }
}
