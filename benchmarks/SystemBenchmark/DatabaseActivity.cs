using Npgsql;

namespace Reseller.SystemBenchmark;

/// <summary>
/// What the system asked of PostgreSQL so far: transactions committed in the application's databases (pg_stat_database,
/// read-only ones included, as each costs a round trip) and WAL bytes written (the write volume a primary must sustain).
/// </summary>
public sealed record DatabaseActivity(long Transactions, long WalBytes)
{
    public static async Task<DatabaseActivity> ReadAsync(string connectionString)
    {
        // The statistics of a backend reach pg_stat_database when it goes idle, at most a second later.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT coalesce(sum(xact_commit), 0)::bigint FROM pg_stat_database WHERE datname LIKE '%db'), pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new DatabaseActivity(reader.GetInt64(0), reader.GetInt64(1));
    }
}
