using Npgsql;

namespace Reseller.IntegrationTests.Messaging;

/// <summary>
/// Holds one row locked from outside a service, so that its consumers queue up on it in a known order: what a race between
/// two consumers of one row would do, made to happen every time. Disposing releases it unchanged;
/// <see cref="SaveChangeAsync"/> releases it changed, as another writer that got there first would.
/// </summary>
public sealed class HeldRow : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;
    private readonly string connectionString;
    private readonly string table;
    private readonly string keyColumn;
    private readonly Guid key;
    private bool saved;

    private HeldRow(NpgsqlConnection connection, NpgsqlTransaction transaction, string connectionString, string table, string keyColumn, Guid key)
    {
        this.connection = connection;
        this.transaction = transaction;
        this.connectionString = connectionString;
        this.table = table;
        this.keyColumn = keyColumn;
        this.key = key;
    }

    /// <param name="table">A table of the service's own database (a constant of the test, never input).</param>
    public static async Task<HeldRow> LockAsync(string connectionString, string table, string keyColumn, Guid key)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand($"SELECT 1 FROM {table} WHERE {keyColumn} = @key FOR UPDATE", connection, transaction);
        command.Parameters.AddWithValue("key", key);
        if (await command.ExecuteScalarAsync() is null)
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException($"No row {key} in {table} to hold.");
        }
        return new HeldRow(connection, transaction, connectionString, table, keyColumn, key);
    }

    /// <summary>Waits until this many other sessions of the database wait for a lock (the consumers queued on the row).</summary>
    public async Task WaitForWaitersAsync(int count)
    {
        await using var probe = new NpgsqlConnection(connectionString);
        await probe.OpenAsync();
        var waiting = await Eventually.ReadAsync(async () =>
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = @db AND wait_event_type = 'Lock'", probe);
            command.Parameters.AddWithValue("db", connection.Database);
            return (long)(await command.ExecuteScalarAsync())!;
        }, waiters => waiters >= count, Eventually.Propagation, $"{count} sessions waiting for a lock in {connection.Database}");
        Assert.Equal(count, waiting);
    }

    /// <summary>Updates the row (<paramref name="assignment"/>: a SET clause, a constant of the test) and commits: its version changes.</summary>
    public async Task SaveChangeAsync(string assignment)
    {
        await using var command = new NpgsqlCommand($"UPDATE {table} SET {assignment} WHERE {keyColumn} = @key", connection, transaction);
        command.Parameters.AddWithValue("key", key);
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        saved = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!saved)
        {
            await transaction.RollbackAsync();
        }
        await connection.DisposeAsync();
    }
}
