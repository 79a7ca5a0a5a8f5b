using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

using Npgsql;

namespace Reseller.CreditsBenchmark;

/// <summary>One measured scenario: seeded accounts, N consumptions from C concurrent clients, then the ledger checked.</summary>
public static class ConsumptionRun
{
    public static async Task<ConsumptionResult> ExecuteAsync(CreditsSystem system, string scenario, int accounts, int requests, int concurrency, CancellationToken cancellationToken)
    {
        var ids = await SeedAsync(system, accounts, requests, cancellationToken);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = system.Endpoint };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", system.PartnerToken);

        // Warm-up outside the measurement (JIT, connection pools); its consumption is counted in the ledger check.
        await ConsumeAsync(http, ids[0], cancellationToken);

        var latencies = new double[requests];
        var refused = 0;
        var next = -1;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                var status = await ConsumeAsync(http, ids[i % ids.Count], cancellationToken);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (status != HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref refused);
                }
            }
        }));
        stopwatch.Stop();

        Array.Sort(latencies);
        var consistent = await LedgerMatchesBalancesAsync(system.ConnectionString, cancellationToken);
        return new ConsumptionResult(scenario, accounts, requests, stopwatch.Elapsed.TotalSeconds, latencies[requests / 2], latencies[(int)(requests * 0.99)], refused, consistent);
    }

    /// <summary>
    /// Consumes at full concurrency for <paramref name="duration"/> on accounts of its own (half of the time all on one, then
    /// spread), unmeasured: a freshly started Credits spends its first tens of seconds compiling its hot paths again at full
    /// optimisation, which is not what a service that has run for a while costs. Returns how many it made.
    /// </summary>
    public static async Task<int> WarmUpAsync(CreditsSystem system, TimeSpan duration, int concurrency, CancellationToken cancellationToken)
    {
        var ids = await SeedAsync(system, 100, 1_000_000, cancellationToken);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = system.Endpoint };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", system.PartnerToken);
        var made = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async client =>
        {
            while (stopwatch.Elapsed < duration)
            {
                var spread = stopwatch.Elapsed > duration / 2;
                await ConsumeAsync(http, ids[spread ? (client + made) % ids.Count : 0], cancellationToken);
                Interlocked.Increment(ref made);
            }
        }));
        return made;
    }

    private static async Task<HttpStatusCode> ConsumeAsync(HttpClient http, string accountId, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync($"/api/v1/accounts/{accountId}/credits/sms/consumptions", new { quantity = 1 }, cancellationToken);
        return response.StatusCode;
    }

    /// <summary>Accounts fully known to Credits (plan and status, as Accounts' events make them) each holding enough SMS credit for every request.</summary>
    private static async Task<List<string>> SeedAsync(CreditsSystem system, int accounts, int requests, CancellationToken cancellationToken)
    {
        var ids = Enumerable.Range(0, accounts).Select(_ => Guid.CreateVersion7()).ToList();
        await using var connection = new NpgsqlConnection(system.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO credit_accounts (account_id, partner_id, product, tier, sms_allowed, sms_enabled, status, status_changed_at, updated_at)
            SELECT id, @partner, 'marketing', 'plus', true, true, 'active', now(), now() FROM unnest(@ids) id;
            INSERT INTO credit_balances (partner_id, holder_id, kind, balance)
            SELECT @partner, id, 'Sms', @each FROM unnest(@ids) id;
            INSERT INTO ledger_entries (partner_id, account_id, kind, entry_type, quantity, reference, created_at)
            SELECT @partner, id, 'Sms', 'assignment', @each, 'benchmark', now() FROM unnest(@ids) id;
            """, connection);
        command.Parameters.AddWithValue("partner", system.PartnerId);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        command.Parameters.AddWithValue("each", (long)requests + 1);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return ids.Select(id => $"acc_{id:N}").ToList();
    }

    private static async Task<bool> LedgerMatchesBalancesAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT count(*) FROM credit_balances b
            LEFT JOIN (SELECT partner_id, kind, coalesce(account_id, '00000000-0000-0000-0000-000000000000'::uuid) AS holder_id,
                              sum(quantity) AS total
                       FROM ledger_entries GROUP BY 1, 2, 3) e
              ON e.partner_id = b.partner_id AND e.kind = b.kind AND e.holder_id = b.holder_id
            WHERE b.balance <> coalesce(e.total, 0)
            """, connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 0;
    }
}
