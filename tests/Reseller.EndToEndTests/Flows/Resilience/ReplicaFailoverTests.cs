using System.Net;
using System.Text.Json.Nodes;

using Npgsql;

using Reseller.AppHost;
using Reseller.EndToEndTests.Flows.Credits;
using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;
using Reseller.Testing.AssemblyFixtures;

namespace Reseller.EndToEndTests.Flows.Resilience;

/// <summary>
/// One of two replicas of every replicated service (Billing, Accounts, Partners, Credits) is SIGKILLed; the calls that
/// follow and need them, through the gateway and between services, all succeed on the live replicas. Then Billing dies
/// entirely: accounts are still created on a card Accounts knows, and what truly needs Billing is 503 with Retry-After.
/// </summary>
// Alone: its 250 calls test failover, not a machine shared with the other tests (beside them, some calls from Credits to
// Billing outlived their 10 s timeout). Last: it leaves the shared system without Billing, so it runs once every other
// class is done with it (a system of its own cost 45-50 s more to start).
[RunsAlone(Last = true)]
public sealed class ReplicaFailoverTests(ResellerSystem system) : IDisposable
{
    // Each kind of call 50 times, 10 at a time: a dead replica leaves the rotation for 10 s once a call finds it, so most
    // calls never meet it; 50 still meet it at the start and again whenever it returns to the rotation (200 took 44-51 s).
    private const int Calls = 50;
    private const int InFlight = 10;
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task After_one_replica_of_each_called_service_is_killed_the_next_calls_that_need_them_all_succeed()
    {
        var partner = await client.CreatePartnerAsync();
        var card = await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);
        Assert.True(await AccountsKnowsCardAsync(card), "Accounts never heard of the card from Billing's event");
        foreach (var service in ResellerSystem.ReplicatedServices)
        {
            await system.App.StopProjectAsync(service, replica: 1, kill: true);
        }

        // Partners through the gateway: a key each, so each later call has Partners verify its key (no cached answer).
        var keys = await AllSucceedAsync(Calls, HttpStatusCode.Created, _ =>
            client.SendAsync(HttpMethod.Post, "/api/v1/api-keys", new { name = "failover" }, partner.Token));
        // Accounts through the gateway, Partners from the gateway (ApiKeyVerifier), the card checked without Billing.
        var accounts = await AllSucceedAsync(Calls, HttpStatusCode.Created, i =>
            client.SendAsync(HttpMethod.Post, "/api/v1/accounts",
                GatewayClient.MarketingPlusMonthly(GatewayClient.NewAccountName(), card), keys[i]["key"]!.GetValue<string>()));
        // Each new account's first invoice is issued and charged by Billing's consumer after the 201: done before the next
        // step, whose calls would otherwise queue behind their invoices on the one live Billing (with 200 accounts: 7 s of a 10 s timeout).
        var accountIds = accounts.Select(a => a["id"]!.GetValue<string>()).ToList();
        Assert.True(await AllActiveAsync(accountIds), "Billing never got every new account paid");
        // Billing from Credits (BillingInvoices): each purchase is invoiced and charged synchronously.
        await AllSucceedAsync(Calls, HttpStatusCode.Created, _ =>
            client.SendAsync(HttpMethod.Post, "/api/v1/credits/compatibility/purchases", new { pack = 100 }, partner.Token));
        // Billing through the gateway.
        await AllSucceedAsync(Calls, HttpStatusCode.OK, _ =>
            client.SendAsync(HttpMethod.Get, $"/api/v1/billing-profiles/{card}", token: partner.Token));
        // Accounts from Credits (AccountsLookup): Credits forgets the accounts, so each assignment asks Accounts for its own.
        await client.WaitForBalancesAsync(partner, b => CreditsScenarios.PoolOf(b, "compatibility") == Calls * 100L);
        Assert.True(await ForgetAccountsAsync(accountIds), "Credits never learnt of every account from its event");
        await AllSucceedAsync(Calls, HttpStatusCode.Created, i => client.AssignAsync(partner, "compatibility", accountIds[i], 1));

        await system.App.StopProjectAsync(ResellerResources.Billing.Name, replica: 0, kill: true);

        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, "/api/v1/accounts",
            GatewayClient.MarketingPlusMonthly(GatewayClient.NewAccountName(), card), partner.Token), HttpStatusCode.Created);
        var purchase = await client.SendAsync(HttpMethod.Post, "/api/v1/credits/compatibility/purchases", new { pack = 100 }, partner.Token);
        await ProblemAssert.IsAsync(purchase, HttpStatusCode.ServiceUnavailable);
        Assert.True(purchase.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 503 says when to try again");
        var billingRoute = await client.SendAsync(HttpMethod.Get, $"/api/v1/billing-profiles/{card}", token: partner.Token);
        await ProblemAssert.IsAsync(billingRoute, HttpStatusCode.ServiceUnavailable);
        Assert.True(billingRoute.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 503 says when to try again");
    }

    /// <summary>Sends the calls a few at a time and asserts every one got the expected answer; returns their bodies in order.</summary>
    private async Task<List<JsonNode>> AllSucceedAsync(int count, HttpStatusCode expected, Func<int, Task<HttpResponseMessage>> call)
    {
        var bodies = new JsonNode[count];
        var failures = new List<string>();
        for (var start = 0; start < count; start += InFlight)
        {
            var batch = Enumerable.Range(start, Math.Min(InFlight, count - start)).ToList();
            var responses = await Task.WhenAll(batch.Select(call));
            foreach (var (index, response) in batch.Zip(responses))
            {
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != expected)
                {
                    failures.Add($"call {index}: {(int)response.StatusCode} {text}");
                    continue;
                }
                bodies[index] = JsonNode.Parse(text)!;
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} calls failed, e.g. {string.Join(" | ", failures.Take(3))}\n"
            + $"Why, as the services logged it:\n{string.Join('\n', WhyCallsFailed())}");
        return [.. bodies];
    }

    /// <summary>The services' own account of a failed call (a callee unreachable or failing, an error): the system's log is gone once the test ends.</summary>
    private IEnumerable<string> WhyCallsFailed()
    {
        var lines = system.Logs.ToArray();
        // A console log entry is a header line ("fail: Category[0]") and its message on the next line: keep both.
        return Enumerable.Range(0, lines.Length)
            .Where(i => lines[i].Contains("could not be reached", StringComparison.Ordinal)
                || lines[i].Contains(" answered 5", StringComparison.Ordinal)
                || lines[i].Contains("fail:", StringComparison.Ordinal))
            .TakeLast(10)
            .SelectMany(i => lines.Skip(i).Take(2));
    }

    private async Task<bool> AccountsKnowsCardAsync(string card)
    {
        var id = Guid.ParseExact(card["bp_".Length..], "N");
        return await PollDatabaseAsync("accountsdb", "SELECT count(*) FROM known_billing_profiles WHERE id = ANY(@ids) AND partner_id IS NOT NULL", [id], 1);
    }

    private async Task<bool> AllActiveAsync(IReadOnlyList<string> accountIds)
    {
        var ids = accountIds.Select(a => Guid.ParseExact(a["acc_".Length..], "N")).ToArray();
        return await PollDatabaseAsync("accountsdb", "SELECT count(*) FROM accounts WHERE id = ANY(@ids) AND status = 'Active'", ids, ids.Length);
    }

    /// <summary>Deletes Credits' rows for the accounts, as if they predated Credits' table; false if the rows never all appeared.</summary>
    private async Task<bool> ForgetAccountsAsync(IReadOnlyList<string> accountIds)
    {
        var ids = accountIds.Select(a => Guid.ParseExact(a["acc_".Length..], "N")).ToArray();
        if (!await PollDatabaseAsync("creditsdb", "SELECT count(*) FROM credit_accounts WHERE account_id = ANY(@ids)", ids, ids.Length))
        {
            return false;
        }
        await using var connection = new NpgsqlConnection(system.App.GetConnectionString(ResellerResources.CreditsDb));
        await connection.OpenAsync();
        await using var delete = new NpgsqlCommand("DELETE FROM credit_accounts WHERE account_id = ANY(@ids)", connection);
        delete.Parameters.AddWithValue("ids", ids);
        return await delete.ExecuteNonQueryAsync() == ids.Length;
    }

    private async Task<bool> PollDatabaseAsync(string database, string countQuery, Guid[] ids, long expected)
    {
        await using var connection = new NpgsqlConnection(system.App.GetConnectionString(database));
        await connection.OpenAsync();
        return await Eventually.HoldsAsync(async () =>
        {
            await using var command = new NpgsqlCommand(countQuery, connection);
            command.Parameters.AddWithValue("ids", ids);
            return (long)(await command.ExecuteScalarAsync())! == expected;
        }, Eventually.Propagation);
    }

    public void Dispose() => client.Dispose();
}
