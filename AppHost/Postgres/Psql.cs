using System.Globalization;

using Reseller.AppHost.Processes;

namespace Reseller.AppHost.Postgres;

internal static class Psql
{
    public static async Task<string> QueryAsync(PostgresConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = new ToolCommand(PostgresInstallation.Psql(), ["-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-c", sql])
        {
            Environment = new Dictionary<string, string>
            {
                ["PGHOST"] = connection.Host,
                ["PGPORT"] = connection.Port.ToString(CultureInfo.InvariantCulture),
                ["PGUSER"] = connection.Username,
                ["PGPASSWORD"] = connection.Password,
                ["PGDATABASE"] = connection.Database,
                ["PGCONNECT_TIMEOUT"] = "10",
                ["PGAPPNAME"] = "reseller-apphost",
            },
        };
        var result = await ToolRunner.RunAsync(command, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new DistributedApplicationException($"PostgreSQL at {connection.Host}:{connection.Port} refused \"{sql}\": {result.FirstErrorLine}");
        }

        return result.StandardOutput.Trim();
    }

    // Over the Unix socket as the postgres OS user (peer authentication): no password needed.
    public static async Task RunAsSuperuserAsync(PostgresPaths paths, int port, string sql, CancellationToken cancellationToken)
    {
        var command = new ToolCommand(
            PostgresInstallation.Psql(),
            ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", paths.SocketDirectory, "-p", port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-d", "postgres", "-c", sql])
        {
            RunAsUser = "postgres",
            WorkingDirectory = paths.DataDirectory,
        };
        var result = await ToolRunner.RunAsync(command, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new DistributedApplicationException($"PostgreSQL refused a superuser command over its socket: {result.FirstErrorLine}");
        }
    }

    public static async Task CreateDatabaseAsync(PostgresConnection connection, string database, CancellationToken cancellationToken)
    {
        if (database.Length == 0 || !database.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || char.IsAsciiDigit(database[0]))
        {
            throw new ArgumentException($"'{database}' is not a plain database name (letters, digits, underscores)", nameof(database));
        }

        if (await ExistsAsync(connection, database, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            await QueryAsync(connection, $"CREATE DATABASE \"{database}\"", cancellationToken).ConfigureAwait(false);
        }
        catch (DistributedApplicationException)
        {
            // Someone else may have created it in the meantime.
            if (!await ExistsAsync(connection, database, cancellationToken).ConfigureAwait(false))
            {
                throw;
            }
        }
    }

    private static async Task<bool> ExistsAsync(PostgresConnection connection, string database, CancellationToken cancellationToken) =>
        await QueryAsync(connection, $"SELECT 1 FROM pg_database WHERE datname = '{database}'", cancellationToken).ConfigureAwait(false) == "1";
}
