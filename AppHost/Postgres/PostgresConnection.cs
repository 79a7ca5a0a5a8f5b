using System.Data.Common;
using System.Globalization;

namespace Reseller.AppHost.Postgres;

internal sealed class PostgresConnection
{
    private static readonly string[] DatabaseKeys = ["Database", "DB"];
    private readonly string? external;

    private PostgresConnection(string host, int port, string username, string password, string database, string? external)
    {
        Host = host;
        Port = port;
        Username = username;
        Password = password;
        Database = database;
        this.external = external;
    }

    public string Host { get; }

    public int Port { get; }

    public string Username { get; }

    public string Password { get; }

    public string Database { get; }

    public static PostgresConnection Local(int port, string password) =>
        new("127.0.0.1", port, "postgres", password, "postgres", external: null);

    public static PostgresConnection Parse(string connectionString, string settingName)
    {
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            throw new DistributedApplicationException($"{settingName} is not a valid PostgreSQL connection string (expected Host=...;Port=...;Username=...;Password=...)");
        }

        var host = Value(builder, "Host", "Server") ?? "localhost";
        var portText = Value(builder, "Port") ?? "5432";
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            throw new DistributedApplicationException($"{settingName} has an invalid Port '{portText}'");
        }

        return new PostgresConnection(
            host,
            port,
            Value(builder, "Username", "User ID", "UserID", "User Name", "User") ?? "postgres",
            Value(builder, "Password", "PWD") ?? string.Empty,
            Value(builder, DatabaseKeys) ?? "postgres",
            connectionString);
    }

    public string ForDatabase(string database)
    {
        if (external is null)
        {
            return $"Host={Host};Port={Port};Database={database};Username={Username};Password={Password}";
        }

        if (database == Database)
        {
            return external;
        }

        var builder = new DbConnectionStringBuilder { ConnectionString = external };
        foreach (var key in DatabaseKeys)
        {
            builder.Remove(key);
        }

        builder["Database"] = database;
        return builder.ConnectionString;
    }

    private static string? Value(DbConnectionStringBuilder builder, params string[] keys) =>
        keys.Select(key => builder.TryGetValue(key, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null)
            .FirstOrDefault(value => !string.IsNullOrEmpty(value));
}
