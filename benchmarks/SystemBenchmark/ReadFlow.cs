using System.Net;

using Npgsql;

namespace Reseller.SystemBenchmark;

/// <summary><c>GET /api/v1/accounts/{id}</c> over 256 of the partner's accounts, 32 connections, at one base address.</summary>
public static class ReadFlow
{
    public const int Connections = 32;

    public static async Task<string[]> AccountPathsAsync(BenchmarkSystem system)
    {
        await using var source = NpgsqlDataSource.Create(system.AccountsDb);
        await using var query = source.CreateCommand("SELECT id FROM accounts ORDER BY id LIMIT 256");
        await using var reader = await query.ExecuteReaderAsync();
        var paths = new List<string>();
        while (await reader.ReadAsync())
        {
            paths.Add($"/api/v1/accounts/acc_{reader.GetGuid(0):N}");
        }
        return [.. paths];
    }

    /// <summary>Warms up for <paramref name="warmUp"/>, then calls <paramref name="measuring"/> and loads for <paramref name="duration"/>.</summary>
    public static async Task<LoadResult> MeasureAsync(BenchmarkSystem system, Uri baseAddress, string[] paths, TimeSpan warmUp, TimeSpan duration, Action measuring)
    {
        using var http = ClosedLoop.Client(baseAddress, Connections);
        var next = 0;
        async Task<bool> Get(int client, CancellationToken cancellationToken)
        {
            using var request = system.Authorized(HttpMethod.Get, paths[(int)((uint)Interlocked.Increment(ref next) % paths.Length)]);
            using var response = await http.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }

        await ClosedLoop.RunAsync(Connections, warmUp, Get);
        measuring();
        return await ClosedLoop.RunAsync(Connections, duration, Get);
    }

    public static async Task<LoadResult> MeasureBareAsync(Uri baseAddress, TimeSpan duration)
    {
        using var http = ClosedLoop.Client(baseAddress, Connections);
        async Task<bool> Get(int client, CancellationToken cancellationToken)
        {
            using var response = await http.GetAsync("/item", cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }

        await ClosedLoop.RunAsync(Connections, TimeSpan.FromSeconds(1), Get);
        return await ClosedLoop.RunAsync(Connections, duration, Get);
    }
}
