using Microsoft.Extensions.DependencyInjection;

using Reseller.Credits.Data;
using Reseller.Credits.Ledger;
using Reseller.Credits.Purchases;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.IntegrationTests.Credits;

/// <summary>
/// A purchase keeps the Idempotency-Key it was ordered under: a retry the idempotency store let through (its first request
/// failed) gets that purchase back, never a second one to invoice and charge.
/// </summary>
public sealed class PurchaseOrdersTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>
{
    [Fact]
    public async Task A_key_that_ordered_a_purchase_gets_it_back_and_another_pack_under_it_is_refused_as_a_reused_key()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var partnerId = Guid.CreateVersion7();

        var first = await PlaceAsync(credits, partnerId, 1000, "key-1");
        var again = await PlaceAsync(credits, partnerId, 1000, "key-1");
        var reused = await Assert.ThrowsAsync<ProblemException>(() => PlaceAsync(credits, partnerId, 5000, "key-1"));
        var anotherPartners = await PlaceAsync(credits, Guid.CreateVersion7(), 1000, "key-1");

        Assert.False(first.IsRetry);
        Assert.True(again.IsRetry);
        Assert.Equal(first.Purchase.Id, again.Purchase.Id);
        Assert.Equal((422, ProblemTypes.Uri("idempotency-key-reused")), (reused.Status, reused.Type));
        Assert.False(anotherPartners.IsRetry);
        Assert.Equal(1, await credits.ScalarAsync("SELECT count(*) FROM credit_purchases WHERE partner_id = @p", ("p", partnerId)));
    }

    [Fact]
    public async Task An_order_that_loses_the_race_for_its_key_gets_the_purchase_that_won_it()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var partnerId = Guid.CreateVersion7();
        await using var scope = credits.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CreditsDb>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var winner = CreditPurchase.Order(partnerId, CreditKind.Sms, 1000, null, DateTimeOffset.UtcNow, "key-1");
        db.Purchases.Add(winner);
        await db.SaveChangesAsync();

        // Not committed yet: the other order does not see it, and its insert waits on the key's unique index.
        var loser = PlaceAsync(credits, partnerId, 1000, "key-1");
        Assert.True(await Eventually.HoldsAsync(
            async () => await credits.ScalarAsync("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") > 0,
            Eventually.Propagation));
        await transaction.CommitAsync();

        var placed = await loser;
        Assert.Equal((winner.Id, true), (placed.Purchase.Id, placed.IsRetry));
        Assert.Equal(1, await credits.ScalarAsync("SELECT count(*) FROM credit_purchases WHERE partner_id = @p", ("p", partnerId)));
    }

    [Fact]
    public async Task A_key_older_than_the_idempotency_stores_day_orders_a_new_purchase_as_the_store_lets_it()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var partnerId = Guid.CreateVersion7();
        var yesterdays = await PlaceAsync(credits, partnerId, 1000, "key-1");

        credits.Clock.AdvanceTo(credits.Clock.GetUtcNow().AddHours(25));
        var todays = await PlaceAsync(credits, partnerId, 5000, "key-1");

        Assert.False(todays.IsRetry);
        Assert.NotEqual(yesterdays.Purchase.Id, todays.Purchase.Id);
        Assert.Equal(0, await credits.ScalarAsync("SELECT count(*) FROM credit_purchases WHERE id = @i AND idempotency_key IS NOT NULL", ("i", yesterdays.Purchase.Id)));
    }

    private static Task<PlacedPurchase> PlaceAsync(CreditsHost credits, Guid partnerId, long pack, string key) =>
        credits.InScopeAsync(sp => sp.GetRequiredService<PurchaseOrders>().PlaceAsync(partnerId, CreditKind.Sms, pack, null, key, CancellationToken.None));
}
