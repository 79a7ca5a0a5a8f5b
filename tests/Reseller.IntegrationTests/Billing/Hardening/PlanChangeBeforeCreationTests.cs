using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Invoices;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.IntegrationTests.Messaging;

namespace Reseller.IntegrationTests.Billing.Hardening;

/// <summary>
/// A seat added right after an account was created, consumed by Billing before the account's creation by longer than the
/// endpoint's immediate retries (its account-created queue backed up under load, say): the change waits in the outbox and is
/// charged once the account is known, instead of going to the error queue with its charge.
/// </summary>
[Collection(ServiceHostsLane.Name)]
public sealed class PlanChangeBeforeCreationTests(TestInfrastructure infrastructure) : IAsyncLifetime
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, 3, [], "monthly");
    private readonly Guid partnerId = Guid.NewGuid();
    private BillingHost billing = null!;

    public async Task InitializeAsync() => billing = await BillingHost.StartAsync(infrastructure, QuickRedelivery.Settings());

    public async Task DisposeAsync() => await billing.DisposeAsync();

    [Fact]
    public async Task A_seat_change_that_overtook_the_account_creation_past_every_retry_is_charged_once_the_account_is_known()
    {
        var card = await billing.AddCardAsync(partnerId);
        var accountId = Guid.NewGuid();
        var four = Plus with { Seats = 4 };

        var change = await billing.PublishAsync(new AccountPlanChanged(accountId, partnerId, Plus, four, null, DateTimeOffset.UtcNow, card, Payers.Partner, Revision: 1));
        Assert.True(await billing.DeferredAsync(change),
            "The change for an unknown account was never deferred.");

        await billing.ActiveAccountAsync(partnerId, card, Plus, id: accountId);

        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.Proration && i.Status == InvoiceStatus.Paid)),
            "The deferred seat change was never charged.");
        Assert.True(await Eventually.HoldsAsync(async () => await billing.InboxCountAsync(change) == 1, Eventually.Propagation));
        var account = await billing.AccountAsync(accountId);
        Assert.Equal(4, account.Plan.Seats);
        Assert.Equal(1, account.PlanRevision);
        Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Proration));
    }
}
