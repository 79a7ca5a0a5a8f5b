using Npgsql;

using Reseller.ServiceDefaults.Data;

namespace Reseller.IntegrationTests.Hosting;

/// <summary>
/// A service's connection goes back to the pool without its session being reset (no seven reset statements ahead of its
/// next command), yet never with a transaction still open: what one unit of work left uncommitted is gone for the next.
/// </summary>
public sealed class PooledConnectionTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task A_returned_connection_keeps_its_session_but_never_an_open_transaction()
    {
        var database = await infrastructure.CreateDatabaseAsync("pooled");
        // One connection in the pool, so the second open gets the very session the first returned.
        var connectionString = DatabaseExtensions.WithoutSessionReset(
            DatabaseExtensions.WithPreparedStatements(DatabaseExtensions.WithBoundedPool(database, 1)));
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var setup = await dataSource.OpenConnectionAsync())
        {
            await Execute(setup, "CREATE TABLE work (id int PRIMARY KEY)");
        }

        int sessionId;
        await using (var first = await dataSource.OpenConnectionAsync())
        {
            sessionId = await Scalar<int>(first, "SELECT pg_backend_pid()");
            await Execute(first, "SET application_name = 'left-behind'");
            // A transaction begun, then the connection returned to the pool with it neither committed nor rolled back.
            await Execute(first, "BEGIN");
            await Execute(first, "INSERT INTO work VALUES (1)");
        }

        await using var second = await dataSource.OpenConnectionAsync();
        Assert.Equal(sessionId, await Scalar<int>(second, "SELECT pg_backend_pid()"));
        Assert.Equal("left-behind", await Scalar<string>(second, "SHOW application_name"));
        Assert.Equal(0L, await Scalar<long>(second, "SELECT count(*) FROM work"));
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> Scalar<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
