using Reseller.AppHost.Logging;
using Reseller.AppHost.Processes;

namespace Reseller.AppHost.Postgres;

internal static class PostgresCluster
{
    public static bool Exists(PostgresPaths paths) => File.Exists(Path.Combine(paths.DataDirectory, "PG_VERSION"));

    public static async Task InitialiseAsync(PostgresPaths paths, string password, LogWriter log, string name, CancellationToken cancellationToken)
    {
        log.Line("apphost", $"initialising PostgreSQL in {paths.DataDirectory}");
        foreach (var leftover in Directory.EnumerateFileSystemEntries(paths.DataDirectory))
        {
            if (Directory.Exists(leftover))
            {
                Directory.Delete(leftover, recursive: true);
            }
            else
            {
                File.Delete(leftover);
            }
        }

        var passwordFile = Path.Combine(paths.SocketDirectory, "initdb-password");
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken).ConfigureAwait(false);
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            await PostgresLayout.OwnAsync(passwordFile, cancellationToken).ConfigureAwait(false);
            var initdb = new ToolCommand(
                PostgresInstallation.Tool("initdb"),
                ["-D", paths.DataDirectory, "-U", "postgres", $"--pwfile={passwordFile}", "--auth-host=scram-sha-256", "--auth-local=peer", "-E", "UTF8", "--locale=C", "--no-instructions"])
            {
                RunAsUser = "postgres",
                WorkingDirectory = paths.DataDirectory,
            };
            var result = await ToolRunner.RunAsync(initdb, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                foreach (var line in (result.StandardOutput + result.StandardError).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    log.Line(name, line);
                }

                throw new DistributedApplicationException($"initdb failed in {paths.DataDirectory}: {result.FirstErrorLine}");
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }
}
