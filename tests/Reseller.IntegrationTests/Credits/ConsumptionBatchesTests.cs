using System.Collections.Concurrent;
using System.Diagnostics;

using Microsoft.Extensions.DependencyInjection;

using Reseller.Credits.Consumptions;
using Reseller.Credits.Ledger;

namespace Reseller.IntegrationTests.Credits;

/// <summary>Consumptions decided together in one transaction: in order per balance, never below zero, one entry each.</summary>
public sealed class ConsumptionBatchesTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>
{
    private readonly Guid partnerId = Guid.CreateVersion7();

    [Fact]
    public async Task Debits_decided_together_are_each_taken_in_order_while_what_the_earlier_ones_of_their_balance_left_covers_it()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var accountId = Guid.CreateVersion7();
        var otherAccountId = Guid.CreateVersion7();
        var holdingNothing = Guid.CreateVersion7();
        await AssignAsync(credits, accountId, 9);
        await AssignAsync(credits, otherAccountId, 4);
        await AssignAsync(credits, otherAccountId, 2, CreditKind.Compatibility);

        var left = await credits.InScopeAsync(sp => sp.GetRequiredService<CreditLedger>().DebitEachReturningBalancesAsync(
        [
            Sms(accountId, 5), Sms(otherAccountId, 3), Sms(accountId, 7), Sms(holdingNothing, 1), Sms(accountId, 3),
            new(partnerId, otherAccountId, CreditKind.Compatibility, 2), Sms(otherAccountId, 2), Sms(accountId, 1), Sms(accountId, 1), Sms(otherAccountId, 1),
        ], EntryTypes.Consumption, "product", CancellationToken.None));

        Assert.Equal([4, 1, null, null, 1, 0, null, 0, null, 0], left);
        Assert.Equal(0, await credits.BalanceAsync(partnerId, accountId, "Sms"));
        Assert.Equal(0, await credits.BalanceAsync(partnerId, otherAccountId, "Sms"));
        Assert.Equal(0, await credits.BalanceAsync(partnerId, otherAccountId, "Compatibility"));
        Assert.Equal("-5,-3,-1", string.Join(',', await ConsumptionEntriesAsync(credits, accountId)));
        Assert.Equal("-3,-2,-1", string.Join(',', await ConsumptionEntriesAsync(credits, otherAccountId)));
        Assert.Equal(0, await credits.BalancesNotMatchingLedgerAsync());
    }

    [Fact]
    public async Task Consumptions_of_many_accounts_at_once_share_transactions_and_take_exactly_what_each_holds()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var accountIds = Enumerable.Range(0, 20).Select(_ => Guid.CreateVersion7()).ToList();
        foreach (var accountId in accountIds)
        {
            await AssignAsync(credits, accountId, 3);
        }
        var batches = credits.Services.GetRequiredService<ConsumptionBatches>();

        // Five consumptions of each account, interleaved, each as a request would make it with its own scope's ledger.
        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => credits.InScopeAsync(sp =>
            batches.ConsumeAsync(sp.GetRequiredService<CreditLedger>(), partnerId, accountIds[i % 20], CreditKind.Sms, 1, CancellationToken.None))));

        Assert.All(accountIds, (_, a) => Assert.Equal([0L, 1L, 2L], answers.Where((_, i) => i % 20 == a).OfType<long>().Order()));
        Assert.Equal(60, answers.Count(left => left is not null));
        Assert.Equal(0, await credits.BalancesNotMatchingLedgerAsync());
        var stamps = await credits.ScalarAsync("SELECT count(DISTINCT created_at) FROM ledger_entries WHERE account_id = ANY(@a) AND entry_type = 'consumption'", ("a", accountIds.ToArray()));
        Assert.True(stamps < 60, $"every one of the 60 consumptions had its own transaction ({stamps} commit times)");
    }

    [Fact]
    public async Task A_batch_rolled_back_to_break_a_deadlock_decides_each_debit_on_its_own()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        // The batch locks its balances in key order: the lower account's first.
        var (a, b) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var (lower, higher) = string.CompareOrdinal(a.ToString(), b.ToString()) < 0 ? (a, b) : (b, a);
        await AssignAsync(credits, lower, 5);
        await AssignAsync(credits, higher, 5);
        await using var other = new Npgsql.NpgsqlConnection(credits.ConnectionString);
        await other.OpenAsync();
        await using var otherTransaction = await other.BeginTransactionAsync();
        await LockBalanceAsync(other, higher);

        var batch = credits.InScopeAsync(sp => sp.GetRequiredService<CreditLedger>()
            .DebitEachReturningBalancesAsync([Sms(lower, 2), Sms(higher, 3)], EntryTypes.Consumption, "product", CancellationToken.None));
        Assert.True(await Eventually.HoldsAsync(async () => await credits.ScalarAsync(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") == 1, TimeSpan.FromSeconds(30)),
            "the batch never waited for the balance the other transaction holds");
        // Closes the cycle. The batch has waited longest, so its deadlock check runs first and the database rolls it back.
        await LockBalanceAsync(other, lower);
        await otherTransaction.CommitAsync();

        Assert.Equal([3, 2], await batch);
        Assert.Equal("-2", string.Join(',', await ConsumptionEntriesAsync(credits, lower)));
        Assert.Equal("-3", string.Join(',', await ConsumptionEntriesAsync(credits, higher)));
        Assert.Equal(0, await credits.BalancesNotMatchingLedgerAsync());
    }

    [Fact]
    public async Task Two_hundred_consumptions_of_a_balance_of_100_at_once_take_it_exactly_and_share_transactions()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var accountId = Guid.CreateVersion7();
        var otherAccountId = Guid.CreateVersion7();
        await AssignAsync(credits, accountId, 100);
        await AssignAsync(credits, otherAccountId, 10);
        var batches = credits.Services.GetRequiredService<ConsumptionBatches>();

        // Each as a request would make it, with its own scope's ledger.
        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => credits.InScopeAsync(sp =>
            batches.ConsumeAsync(sp.GetRequiredService<CreditLedger>(), partnerId, i % 5 == 0 ? otherAccountId : accountId, CreditKind.Sms, 1, CancellationToken.None))));

        var taken = answers.Where((_, i) => i % 5 != 0).OfType<long>().ToList();
        Assert.Equal(Enumerable.Range(0, 100).Select(n => (long)n), taken.Order());
        Assert.Equal(10, answers.Where((_, i) => i % 5 == 0).OfType<long>().Count());
        Assert.Equal((0L, 0L), (await credits.BalanceAsync(partnerId, accountId, "Sms"), await credits.BalanceAsync(partnerId, otherAccountId, "Sms")));
        Assert.Equal(0, await credits.BalancesNotMatchingLedgerAsync());
        // Each transaction stamps its entries with one time: fewer times than entries means consumptions shared a commit.
        var stamps = await credits.ScalarAsync("SELECT count(DISTINCT created_at) FROM ledger_entries WHERE account_id = @a AND entry_type = 'consumption'", ("a", accountId));
        Assert.True(stamps < 100, $"every one of the 100 consumptions had its own transaction ({stamps} commit times)");
    }

    [Fact]
    public async Task A_writer_deciding_queued_consumptions_is_traced_linked_to_each_request_with_its_statements_inside()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var accountId = Guid.CreateVersion7();
        await AssignAsync(credits, accountId, 1000);
        var batches = credits.Services.GetRequiredService<ConsumptionBatches>();
        using var requests = new ActivitySource("ConsumptionBatchesTests." + accountId.ToString("N"));
        var recorded = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Reseller" or "Npgsql" || source == requests,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = recorded.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        var spans = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => credits.InScopeAsync(async sp =>
        {
            using var request = requests.StartActivity("consume");
            await batches.ConsumeAsync(sp.GetRequiredService<CreditLedger>(), partnerId, accountId, CreditKind.Sms, 1, CancellationToken.None);
            return request!.SpanId;
        })));

        var writers = recorded.Where(a => a.OperationName == ConsumptionBatches.BatchActivityName && a.Links.Any(l => spans.Contains(l.Context.SpanId))).ToList();
        Assert.NotEmpty(writers);
        Assert.All(writers, writer => Assert.All(writer.Links, link => Assert.Contains(link.Context.SpanId, spans)));
        Assert.Equal(writers.Sum(w => w.Links.Count()), writers.SelectMany(w => w.Links).Select(l => l.Context.SpanId).Distinct().Count());
        Assert.All(writers, writer => Assert.Contains(recorded, a => a.Source.Name == "Npgsql" && a.ParentSpanId == writer.SpanId));
        Assert.Equal(900, await credits.BalanceAsync(partnerId, accountId, "Sms"));
    }

    private AccountDebit Sms(Guid accountId, long quantity) => new(partnerId, accountId, CreditKind.Sms, quantity);

    private async Task AssignAsync(CreditsHost credits, Guid accountId, long quantity, CreditKind kind = CreditKind.Sms) =>
        await credits.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<CreditLedger>().CreditAsync(partnerId, accountId, kind, EntryTypes.Assignment, quantity, "test", CancellationToken.None);
            return true;
        });

    private async Task LockBalanceAsync(Npgsql.NpgsqlConnection connection, Guid accountId)
    {
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT balance FROM credit_balances WHERE partner_id = @p AND holder_id = @a AND kind = 'Sms' FOR UPDATE", connection);
        command.Parameters.AddWithValue("p", partnerId);
        command.Parameters.AddWithValue("a", accountId);
        await command.ExecuteScalarAsync();
    }

    private static async Task<List<long>> ConsumptionEntriesAsync(CreditsHost credits, Guid accountId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(credits.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT quantity FROM ledger_entries WHERE account_id = @a AND entry_type = 'consumption' ORDER BY id", connection);
        command.Parameters.AddWithValue("a", accountId);
        await using var reader = await command.ExecuteReaderAsync();
        var quantities = new List<long>();
        while (await reader.ReadAsync())
        {
            quantities.Add(reader.GetInt64(0));
        }
        return quantities;
    }
}
