using Microsoft.EntityFrameworkCore;

using Reseller.Billing.FollowedAccounts;
using Reseller.Billing.Invoices;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.IntegrationTests.Messaging;

namespace Reseller.IntegrationTests.Billing.Hardening;

/// <summary>
/// A partner adds a seat to an account seconds after it moved in, and Billing consumes the change before the move-in: the
/// change waits for the move-in and is invoiced to the partner that made it, never to the one the account left.
/// </summary>
[Collection(ServiceHostsLane.Name)]
public sealed class PlanChangeAfterMoveInTests(TestInfrastructure infrastructure) : IAsyncLifetime
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, 3, [], "monthly");
    private readonly Guid formerPartnerId = Guid.NewGuid();
    private readonly Guid newPartnerId = Guid.NewGuid();
    private BillingHost billing = null!;

    public async Task InitializeAsync() => billing = await BillingHost.StartAsync(infrastructure, QuickRedelivery.Settings());

    public async Task DisposeAsync() => await billing.DisposeAsync();

    [Fact]
    public async Task A_seat_change_by_the_new_partner_consumed_before_the_move_in_is_invoiced_to_the_new_partner()
    {
        var formerCard = await billing.AddCardAsync(formerPartnerId);
        var accountId = await billing.ActiveAccountAsync(formerPartnerId, formerCard, Plus);
        var movedOutAt = DateTimeOffset.UtcNow;
        await billing.PublishAsync(new AccountTransferredOut(accountId, formerPartnerId, "owner@client.test", movedOutAt));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).Status == AccountStatus.Transferred));
        var movedInAt = movedOutAt.AddSeconds(1);
        var newCard = await billing.AddCardAsync(newPartnerId);

        var change = await billing.PublishAsync(new AccountPlanChanged(
            accountId, newPartnerId, Plus, Plus with { Seats = 4 }, null, movedInAt.AddSeconds(1), newCard, Payers.Partner, Revision: 1));
        Assert.True(await billing.DeferredAsync(change),
            "The change made after a move-in Billing had not seen never waited for it.");
        Assert.Empty(await billing.InvoicesAsync(accountId, InvoicePurposes.Proration));

        await billing.PublishAsync(new AccountTransferredIn(accountId, newPartnerId, "acct-moved", Plus, Payers.Partner, movedInAt));

        Assert.True(await Eventually.HoldsAsync(async () => await billing.InboxCountAsync(change) == 1, Eventually.Propagation),
            "The deferred change was never applied after the move-in.");
        var proration = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Proration));
        Assert.Equal(newPartnerId, proration.PartnerId);
        var account = await billing.AccountAsync(accountId);
        Assert.Equal(newPartnerId, account.PartnerId);
        Assert.Equal(4, account.Plan.Seats);
        Assert.Equal(1, account.PlanRevision);
    }
}
