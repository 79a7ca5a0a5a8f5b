using System.Globalization;

using Npgsql;

namespace Reseller.IntegrationTests;

/// <summary>One number read straight from a test database (a count, a sum), past every service's own model.</summary>
public static class SqlScalar
{
    public static async Task<long> ReadAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
