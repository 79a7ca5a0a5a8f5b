using System.Collections.Concurrent;
using System.Diagnostics;

using Microsoft.Extensions.DependencyInjection;

using Reseller.Credits.Consumptions;
using Reseller.Credits.Ledger;

namespace Reseller.IntegrationTests.Credits;

/// <summary>Consumptions of one balance decided together in one transaction: in order, never below zero, one entry each.</summary>
public sealed class ConsumptionBatchesTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>
{
    private readonly Guid partnerId = Guid.CreateVersion7();

    [Fact]
    public async Task Debits_decided_together_are_each_taken_in_order_while_what_the_earlier_ones_left_covers_it()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var accountId = Guid.CreateVersion7();
        await AssignAsync(credits, accountId, 9);

        var left = await credits.InScopeAsync(sp => sp.GetRequiredService<CreditLedger>()
            .DebitEachReturningBalancesAsync(partnerId, accountId, CreditKind.Sms, EntryTypes.Consumption, [5, 7, 3, 1, 1], "product", CancellationToken.None));
        var nothingHeld = await credits.InScopeAsync(sp => sp.GetRequiredService<CreditLedger>()
            .DebitEachReturningBalancesAsync(partnerId, Guid.CreateVersion7(), CreditKind.Sms, EntryTypes.Consumption, [1, 2], "product", CancellationToken.None));

        Assert.Equal([4, null, 1, 0, null], left);
        Assert.Equal([null, null], nothingHeld);
        Assert.Equal(0, await credits.BalanceAsync(partnerId, accountId, "Sms"));
        Assert.Equal("-5,-3,-1", string.Join(',', await ConsumptionEntriesAsync(credits, accountId)));
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

    private async Task AssignAsync(CreditsHost credits, Guid accountId, long quantity) =>
        await credits.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<CreditLedger>().CreditAsync(partnerId, accountId, CreditKind.Sms, EntryTypes.Assignment, quantity, "test", CancellationToken.None);
            return true;
        });

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
