using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

using Npgsql;

namespace Reseller.SystemBenchmark;

/// <summary>
/// Paid accounts created through the gateway by <see cref="Clients"/> clients or as many as asked (monthly marketing/plus
/// on the partner's card), and each one's time from its create answer to <c>active</c> (its opening charge settled by
/// Billing and reported back). Activation is watched in accountsdb every 25 ms, so the watch adds no HTTP load.
/// </summary>
public static class CreateFlow
{
    /// <summary>The create load.</summary>
    public const int Clients = 16;

    /// <summary>
    /// Clients of a long warm-up: few enough that the runtime's tier-1 compiler gets the CPU it needs (they still create faster
    /// than a system that is compiling activates; the warm-up waits for its accounts' activations).
    /// </summary>
    public const int WarmUpClients = 4;

    private static readonly TimeSpan ActivationWait = TimeSpan.FromSeconds(120);

    /// <summary>
    /// The measured creates after a warm-up of the same creates: a short one (under 10 s) with every client, or a longer one
    /// with <see cref="WarmUpClients"/>, whose accounts are all activated before the measured creates begin, so that neither
    /// figure counts the runtime's recompiling of the services' hot code (a quarter of their CPU in the first minute or two
    /// of a load) or an earlier backlog. <paramref name="warmedUp"/> is told the long warm-up's own creates and activations:
    /// whether the system kept up with it.
    /// </summary>
    public static async Task<(LoadResult Creates, LoadResult Activations)> MeasureAsync(BenchmarkSystem system, int clients, TimeSpan pace, TimeSpan duration, TimeSpan warmUp,
        Action? measuring = null, Action<LoadResult, LoadResult>? warmedUp = null)
    {
        using var http = ClosedLoop.Client(system.Gateway, Math.Max(clients, WarmUpClients));
        var created = new ConcurrentDictionary<Guid, long>();
        using var watching = new CancellationTokenSource();
        var activations = new ConcurrentBag<double>();
        var watcher = WatchAsync(system.AccountsDb, created, activations, watching.Token);

        async Task<bool> Create(int client, CancellationToken cancellationToken)
        {
            var name = "bench-" + Guid.NewGuid().ToString("N")[..16];
            using var request = system.Authorized(HttpMethod.Post, "/api/v1/accounts", JsonContent.Create(new
            {
                name,
                customer = new { name = "Client Co", email = "it@client.test" },
                notification_email = "billing@agency.test",
                language = "fr",
                time_zone = "Europe/Paris",
                plan = new { product = "marketing", tier = "plus", contacts = 1000, cadence = "monthly" },
                billing_profile_id = system.BillingProfileId,
            }));
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                return false;
            }
            var account = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
            created[Guid.ParseExact(account["id"]!.GetValue<string>()["acc_".Length..], "N")] = Stopwatch.GetTimestamp();
            return true;
        }

        if (warmUp < TimeSpan.FromSeconds(10))
        {
            await ClosedLoop.RunAsync(clients, warmUp, Create);
        }
        else
        {
            var warmUpCreates = await ClosedLoop.RunAsync(WarmUpClients, warmUp, Create);
            await UntilActivatedAsync(created);
            warmedUp?.Invoke(warmUpCreates, Activations(activations, warmUpCreates.Completed, warmUpCreates.Elapsed));
        }
        created.Clear();
        activations.Clear();
        measuring?.Invoke();
        var creates = await ClosedLoop.RunAsync(clients, duration, Create, pace);

        await UntilActivatedAsync(created);
        await watching.CancelAsync();
        await watcher;
        return (creates, Activations(activations, creates.Completed, creates.Elapsed));
    }

    /// <summary>The activations seen of <paramref name="created"/> accounts: those never seen are the failures.</summary>
    private static LoadResult Activations(ConcurrentBag<double> activations, int created, TimeSpan elapsed)
    {
        var latencies = activations.ToArray();
        Array.Sort(latencies);
        return new LoadResult(latencies.Length, Math.Max(0, created - latencies.Length), elapsed, latencies);
    }

    private static async Task UntilActivatedAsync(ConcurrentDictionary<Guid, long> pending)
    {
        var deadline = Stopwatch.StartNew();
        while (!pending.IsEmpty && deadline.Elapsed < ActivationWait)
        {
            await Task.Delay(100);
        }
    }

    private static async Task WatchAsync(string connectionString, ConcurrentDictionary<Guid, long> pending, ConcurrentBag<double> activations, CancellationToken stop)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        while (!stop.IsCancellationRequested)
        {
            var ids = pending.Keys.ToArray();
            if (ids.Length > 0)
            {
                await using var query = source.CreateCommand("SELECT id FROM accounts WHERE status = 'Active' AND id = ANY($1)");
                query.Parameters.AddWithValue(ids);
                await using var reader = await query.ExecuteReaderAsync(CancellationToken.None);
                var now = Stopwatch.GetTimestamp();
                while (await reader.ReadAsync(CancellationToken.None))
                {
                    if (pending.TryRemove(reader.GetGuid(0), out var createdAt))
                    {
                        activations.Add(Stopwatch.GetElapsedTime(createdAt, now).TotalMilliseconds);
                    }
                }
            }
            try
            {
                await Task.Delay(25, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
