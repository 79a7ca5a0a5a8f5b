using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Invoices;
using Reseller.Billing.Renewals;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;

namespace Reseller.IntegrationTests.Billing.Hardening;

/// <summary>Transfer events delivered out of order through RabbitMQ: the older one changes nothing.</summary>
public sealed class TransferOrderTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>, IAsyncLifetime
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, null, [], "monthly");
    private readonly Guid formerPartnerId = Guid.NewGuid();
    private readonly Guid newPartnerId = Guid.NewGuid();
    private BillingHost billing = null!;

    public async Task InitializeAsync() => billing = await BillingHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await billing.DisposeAsync();

    [Fact]
    public async Task A_move_out_and_its_transferred_status_arriving_after_the_later_move_in_neither_close_the_account_nor_void_its_invoices()
    {
        var formerCard = await billing.AddCardAsync(formerPartnerId);
        var accountId = await billing.ActiveAccountAsync(formerPartnerId, formerCard, Plus, DateTimeOffset.UtcNow.AddMonths(-1).AddDays(1));
        var movedOutAt = DateTimeOffset.UtcNow;
        var movedInAt = movedOutAt.AddMinutes(5);

        // The move-in overtakes the move-out; the new partner's card declines, so its renewal stays open.
        await billing.PublishAsync(new AccountTransferredIn(accountId, newPartnerId, "acct-moved", Plus, "partner", movedInAt));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).PartnerId == newPartnerId));
        var newCard = await billing.AddCardAsync(newPartnerId, "charge_failed");
        await billing.ChooseCardAsync(accountId, newPartnerId, newCard, movedInAt);
        var periodEnd = (await billing.AccountAsync(accountId)).CurrentPeriodEnd!.Value;
        await billing.RunAsync<RenewalJob>(new DateTimeOffset(periodEnd.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));
        var renewal = await billing.QueryAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.Renewal));
        Assert.Equal(InvoiceStatus.Open, renewal.Status);

        // Then the older move-out and its status change arrive.
        var lateOut = await billing.PublishAsync(new AccountTransferredOut(accountId, formerPartnerId, "owner@client.test", movedOutAt));
        var lateStatus = await billing.PublishAsync(new AccountStatusChanged(accountId, formerPartnerId, "active", AccountStatuses.Transferred, "monthly", "partner", movedOutAt));
        Assert.True(await Eventually.HoldsAsync(async () => await billing.InboxCountAsync(lateOut) == 1 && await billing.InboxCountAsync(lateStatus) == 1, Eventually.Propagation));

        var account = await billing.AccountAsync(accountId);
        Assert.Equal(AccountStatus.PaymentFailed, account.Status);
        Assert.Equal(newPartnerId, account.PartnerId);
        Assert.Equal(movedInAt.UtcTicks / 10, account.LastTransferAt!.Value.UtcTicks / 10);
        Assert.Equal(InvoiceStatus.Open, (await billing.QueryAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == renewal.Id))).Status);
    }
}
