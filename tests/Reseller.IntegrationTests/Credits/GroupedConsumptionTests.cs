using Microsoft.Extensions.DependencyInjection;

using Reseller.Credits.Consumptions;
using Reseller.Credits.Ledger;

namespace Reseller.IntegrationTests.Credits;

/// <summary>Consumptions of one account arriving together are written together, and still exactly as if one after the other.</summary>
[Collection(SharedInfrastructure.Name)]
public sealed class GroupedConsumptionTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task Concurrent_consumptions_of_one_account_take_exactly_its_balance_and_never_overdraw()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var (partnerId, accountId) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await credits.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<CreditLedger>().CreditAsync(partnerId, accountId, CreditKind.Sms, EntryTypes.Assignment, 250, "test", CancellationToken.None);
            return true;
        });
        var writer = credits.Services.GetRequiredService<ConsumptionWriter>();

        // 400 consumptions of 1 from many tasks at once, and one of 1,000 that no balance here ever covers.
        var ones = Enumerable.Range(0, 400).Select(_ => Task.Run(() => writer.ConsumeAsync(partnerId, accountId, CreditKind.Sms, 1))).ToList();
        var tooMuch = Task.Run(() => writer.ConsumeAsync(partnerId, accountId, CreditKind.Sms, 1_000));
        var outcomes = await Task.WhenAll(ones);

        Assert.Null(await tooMuch);
        Assert.Equal(250, outcomes.Count(o => o is not null));
        // Each accepted consumption saw the balance its predecessors left: the balances left are 249 down to 0, each once.
        Assert.Equal(Enumerable.Range(0, 250).Select(n => (long?)n).Reverse(), outcomes.Where(o => o is not null).OrderDescending());
        Assert.Equal(0, await credits.ScalarAsync("SELECT balance FROM credit_balances WHERE holder_id = @a AND kind = 'Sms'", ("a", accountId)));
        Assert.Equal(250, await credits.ScalarAsync("SELECT count(*) FROM ledger_entries WHERE account_id = @a AND entry_type = 'consumption'", ("a", accountId)));
        Assert.Equal(0, await credits.ScalarAsync("SELECT sum(quantity) FROM ledger_entries WHERE account_id = @a AND kind = 'Sms'", ("a", accountId)));
    }

    [Fact]
    public async Task A_group_is_decided_in_order_up_to_its_first_refusal_and_what_follows_is_left_undecided()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var (partnerId, accountId) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var decided = await credits.InScopeAsync(async sp =>
        {
            var ledger = sp.GetRequiredService<CreditLedger>();
            await ledger.CreditAsync(partnerId, accountId, CreditKind.Compatibility, EntryTypes.Assignment, 10, "test", CancellationToken.None);
            return await ledger.DebitInOrderAsync(partnerId, accountId, CreditKind.Compatibility, EntryTypes.Consumption, [7, 5, 3], "product", CancellationToken.None);
        });

        // 7 is taken (3 left), 5 is refused, 3 is not decided: the writer puts it first in the next group, where it is taken.
        Assert.Equal(new long?[] { 3, null }, decided);
        Assert.Equal(3, await credits.ScalarAsync("SELECT balance FROM credit_balances WHERE holder_id = @a AND kind = 'Compatibility'", ("a", accountId)));
        Assert.Equal(-7, await credits.ScalarAsync("SELECT sum(quantity) FROM ledger_entries WHERE account_id = @a AND entry_type = 'consumption'", ("a", accountId)));

        var writer = credits.Services.GetRequiredService<ConsumptionWriter>();
        var outcomes = await Task.WhenAll(new long[] { 5, 3, 1 }.Select(q => Task.Run(() => writer.ConsumeAsync(partnerId, accountId, CreditKind.Compatibility, q))));

        // Whatever the grouping and order, 5 never fits in 3, and 3 and 1 never both fit: exactly what an order allows is taken.
        Assert.Null(outcomes[0]);
        Assert.Single(outcomes.Skip(1), o => o is not null);
        Assert.Equal(0, await credits.ScalarAsync("SELECT count(*) FROM credit_balances WHERE balance < 0"));
    }
}
