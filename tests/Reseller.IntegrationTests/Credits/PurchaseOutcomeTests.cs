using Microsoft.Extensions.DependencyInjection;

using Reseller.Contracts.Billing;
using Reseller.Credits.Data;
using Reseller.Credits.Ledger;
using Reseller.Credits.Purchases;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.IntegrationTests.Credits;

/// <summary>Billing's events for a pack invoice, in every order and repeated: the purchase ends right and is credited at most once.</summary>
public sealed class PurchaseOutcomeTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>
{
    private static readonly TimeSpan Wait = Eventually.Propagation;

    [Fact]
    public async Task A_failure_announced_before_the_purchase_knows_its_invoice_is_applied_when_it_learns_it()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var (partnerId, purchaseId) = await OrderAsync(credits);
        var invoiceId = Guid.CreateVersion7();

        await credits.Bus.Publish(Failed(invoiceId, partnerId));
        Assert.True(await Eventually.HoldsAsync(
            async () => await credits.ScalarAsync("SELECT count(*) FROM unmatched_invoice_failures WHERE invoice_id = @i", ("i", invoiceId)) == 1, Wait));
        var linked = await credits.InScopeAsync(sp => sp.GetRequiredService<PurchaseInvoiceLinks>().LinkAsync(purchaseId, invoiceId, CancellationToken.None));

        Assert.Equal(PurchaseStatus.Failed, linked.Status);
        Assert.Equal("card_declined", linked.FailureCode);
        Assert.Equal(0, await credits.ScalarAsync("SELECT count(*) FROM unmatched_invoice_failures WHERE invoice_id = @i", ("i", invoiceId)));
        Assert.Equal(0, await credits.BalanceAsync(partnerId, null, "Sms"));
    }

    [Fact]
    public async Task A_failed_purchase_collected_later_is_credited_once_and_a_stale_failure_never_undoes_it()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var (partnerId, purchaseId) = await OrderAsync(credits);
        var invoiceId = Guid.CreateVersion7();
        await credits.InScopeAsync(sp => sp.GetRequiredService<PurchaseInvoiceLinks>().LinkAsync(purchaseId, invoiceId, CancellationToken.None));

        var failed = Failed(invoiceId, partnerId);
        await credits.Bus.Publish(failed);
        Assert.True(await Eventually.HoldsAsync(async () => await StatusAsync(credits, purchaseId) == "Failed", Wait));

        var paid = Paid(invoiceId, partnerId, purchaseId);
        await credits.Bus.Publish(paid);
        await credits.Bus.Publish(paid);
        await credits.Bus.Publish(failed);
        Assert.True(await Eventually.HoldsAsync(
            async () => await credits.ScalarAsync("SELECT count(*) FROM inbox_messages WHERE consumer IN ('InvoicePaidConsumer', 'PaymentFailedConsumer')") == 4, Wait));

        Assert.Equal("Completed", await StatusAsync(credits, purchaseId));
        Assert.Equal(1000, await credits.BalanceAsync(partnerId, null, "Sms"));
        Assert.Equal(1, await credits.ScalarAsync("SELECT count(*) FROM ledger_entries WHERE partner_id = @p AND entry_type = 'purchase'", ("p", partnerId)));
        Assert.Equal(0, await credits.BalancesNotMatchingLedgerAsync());
    }

    [Fact]
    public async Task Payment_before_failure_and_before_the_link_leaves_the_purchase_completed_and_credited_once()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var (partnerId, purchaseId) = await OrderAsync(credits);
        var invoiceId = Guid.CreateVersion7();

        await credits.Bus.Publish(Paid(invoiceId, partnerId, purchaseId));
        Assert.True(await Eventually.HoldsAsync(async () => await StatusAsync(credits, purchaseId) == "Completed", Wait));
        await credits.Bus.Publish(Failed(invoiceId, partnerId));
        Assert.True(await Eventually.HoldsAsync(
            async () => await credits.ScalarAsync("SELECT count(*) FROM inbox_messages WHERE consumer = 'PaymentFailedConsumer'") == 1, Wait));
        var linked = await credits.InScopeAsync(sp => sp.GetRequiredService<PurchaseInvoiceLinks>().LinkAsync(purchaseId, invoiceId, CancellationToken.None));

        Assert.Equal(PurchaseStatus.Completed, linked.Status);
        Assert.Equal(1000, await credits.BalanceAsync(partnerId, null, "Sms"));
        Assert.Equal(1, await credits.ScalarAsync("SELECT count(*) FROM ledger_entries WHERE partner_id = @p AND entry_type = 'purchase'", ("p", partnerId)));
    }

    [Fact]
    public async Task Another_partners_failure_on_the_same_invoice_id_changes_nothing()
    {
        await using var credits = await CreditsHost.StartAsync(infrastructure);
        var (_, purchaseId) = await OrderAsync(credits);
        var invoiceId = Guid.CreateVersion7();
        await credits.InScopeAsync(sp => sp.GetRequiredService<PurchaseInvoiceLinks>().LinkAsync(purchaseId, invoiceId, CancellationToken.None));

        await credits.Bus.Publish(Failed(invoiceId, Guid.CreateVersion7()));
        Assert.True(await Eventually.HoldsAsync(
            async () => await credits.ScalarAsync("SELECT count(*) FROM inbox_messages WHERE consumer = 'PaymentFailedConsumer'") == 1, Wait));

        Assert.Equal("Pending", await StatusAsync(credits, purchaseId));
    }

    private static async Task<(Guid PartnerId, Guid PurchaseId)> OrderAsync(CreditsHost credits)
    {
        var partnerId = Guid.CreateVersion7();
        var purchaseId = await credits.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CreditsDb>();
            var ordered = CreditPurchase.Order(partnerId, CreditKind.Sms, 1000, null, DateTimeOffset.UtcNow);
            db.Purchases.Add(ordered);
            await db.SaveChangesAsync();
            return ordered.Id;
        });
        return (partnerId, purchaseId);
    }

    private static PaymentFailed Failed(Guid invoiceId, Guid partnerId) => new(
        invoiceId, "RSL-TEST", partnerId, null, InvoicePurposes.CreditPurchase, 2000, "USD", "card_declined", DateTimeOffset.UtcNow, 1, null, false);

    private static InvoicePaid Paid(Guid invoiceId, Guid partnerId, Guid purchaseId) => new(
        invoiceId, "RSL-TEST", partnerId, null, InvoicePurposes.CreditPurchase, "partner", 2000, "USD",
        DateOnly.FromDateTime(DateTime.UtcNow), DateOnly.FromDateTime(DateTime.UtcNow), DateTimeOffset.UtcNow, PublicId.Format("cp", purchaseId));

    private static async Task<string> StatusAsync(CreditsHost credits, Guid purchaseId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(credits.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT status FROM credit_purchases WHERE id = @i", connection);
        command.Parameters.AddWithValue("i", purchaseId);
        return (string)(await command.ExecuteScalarAsync() ?? "");
    }
}
