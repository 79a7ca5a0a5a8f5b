using Npgsql;

namespace Reseller.EndToEndTests.Flows.Secrets;

/// <summary>
/// Reads every row of every table of every database on the system's PostgreSQL server as text (<c>t::text</c>, plus each
/// bytea column decoded, which <c>t::text</c> would show only as hex) and hands the rows holding a secret to <see cref="FlowSecrets"/>.
/// </summary>
public static class DatabaseSweep
{
    public static async Task<int> SearchAsync(string anyDatabase, FlowSecrets secrets)
    {
        var tables = 0;
        var server = new NpgsqlConnectionStringBuilder(anyDatabase);
        foreach (var database in await DatabasesAsync(anyDatabase))
        {
            server.Database = database;
            await using var connection = new NpgsqlConnection(server.ConnectionString);
            await connection.OpenAsync();
            foreach (var (schema, table, binaryColumns) in await TablesAsync(connection))
            {
                tables++;
                var decoded = string.Concat(binaryColumns.Select(c => $" || ' ' || coalesce(encode(t.{Quote(c)}, 'escape'), '')"));
                await using var command = new NpgsqlCommand(
                    $"SELECT x FROM (SELECT t::text{decoded} AS x FROM {Quote(schema)}.{Quote(table)} t) r WHERE x LIKE ANY(@values) OR x ~* @cvc", connection);
                command.Parameters.AddWithValue("values", secrets.All.Select(s => "%" + Like(s.Value) + "%").ToArray());
                command.Parameters.AddWithValue("cvc", FlowSecrets.CvcPattern);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    secrets.Search($"table {database}.{schema}.{table}", reader.GetString(0));
                }
            }
        }
        return tables;
    }

    private static async Task<List<string>> DatabasesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datallowconn AND NOT datistemplate ORDER BY datname", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    private static async Task<List<(string Schema, string Table, List<string> BinaryColumns)>> TablesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT t.table_schema, t.table_name,
                   coalesce(array_agg(c.column_name::text ORDER BY c.ordinal_position) FILTER (WHERE c.data_type = 'bytea'), '{}')
            FROM information_schema.tables t
            JOIN information_schema.columns c ON c.table_schema = t.table_schema AND c.table_name = t.table_name
            WHERE t.table_type = 'BASE TABLE' AND t.table_schema NOT IN ('pg_catalog', 'information_schema')
            GROUP BY t.table_schema, t.table_name
            ORDER BY 1, 2
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<(string, string, List<string>)>();
        while (await reader.ReadAsync())
        {
            tables.Add((reader.GetString(0), reader.GetString(1), [.. reader.GetFieldValue<string[]>(2)]));
        }
        return tables;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Like(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
