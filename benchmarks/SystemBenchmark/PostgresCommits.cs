using Npgsql;

namespace Reseller.SystemBenchmark;

/// <summary>The database's floor: single-row INSERTs, each its own commit (fsync included), from 8 clients.</summary>
public static class PostgresCommits
{
    public const int Clients = 8;

    public static async Task<LoadResult> MeasureAsync(string connectionString, TimeSpan duration)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using (var create = source.CreateCommand("CREATE TABLE IF NOT EXISTS bench_commits (id bigserial PRIMARY KEY, payload text NOT NULL)"))
        {
            await create.ExecuteNonQueryAsync();
        }
        var payload = new string('p', 200);
        var result = await ClosedLoop.RunAsync(Clients, duration, async (_, cancellationToken) =>
        {
            await using var insert = source.CreateCommand("INSERT INTO bench_commits (payload) VALUES ($1)");
            insert.Parameters.AddWithValue(payload);
            return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
        });
        await using (var drop = source.CreateCommand("DROP TABLE bench_commits"))
        {
            await drop.ExecuteNonQueryAsync();
        }
        return result;
    }
}
