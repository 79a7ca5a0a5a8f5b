using Npgsql;

namespace Reseller.SystemBenchmark;

/// <summary>
/// What the system asked of PostgreSQL so far: transactions committed in the application's databases (pg_stat_database,
/// read-only ones included, as each costs a round trip), each database's share of them, and WAL bytes written (the write
/// volume a primary must sustain).
/// </summary>
public sealed record DatabaseActivity(IReadOnlyDictionary<string, long> TransactionsByDatabase, long WalBytes)
{
    public static readonly DatabaseActivity None = new(new Dictionary<string, long>(), 0);

    public long Transactions => TransactionsByDatabase.Values.Sum();

    public static async Task<DatabaseActivity> ReadAsync(string connectionString)
    {
        // The statistics of a backend reach pg_stat_database when it goes idle, at most a second later.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT datname, xact_commit, pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint FROM pg_stat_database WHERE datname LIKE '%db'",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        var transactions = new Dictionary<string, long>(StringComparer.Ordinal);
        long walBytes = 0;
        while (await reader.ReadAsync())
        {
            transactions[reader.GetString(0)] = reader.GetInt64(1);
            walBytes = reader.GetInt64(2);
        }
        return new DatabaseActivity(transactions, walBytes);
    }

    /// <summary>Transactions per operation since <paramref name="before"/>, in all and by database.</summary>
    public string TransactionsPer(DatabaseActivity before, double operations) =>
        $"{(Transactions - before.Transactions) / operations:F1} transactions ("
        + string.Join(", ", TransactionsByDatabase.OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .Select(entry => $"{entry.Key} {(entry.Value - before.TransactionsByDatabase.GetValueOrDefault(entry.Key)) / operations:F1}"))
        + ")";
}
