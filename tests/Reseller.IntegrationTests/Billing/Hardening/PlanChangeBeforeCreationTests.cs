using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Reseller.Billing.Data;
using Reseller.Billing.FollowedAccounts;
using Reseller.Billing.Invoices;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.IntegrationTests.Messaging;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.IntegrationTests.Billing.Hardening;

/// <summary>
/// A seat added right after an account was created, consumed by Billing before the account's creation by longer than the
/// endpoint's immediate retries (its account-created queue backed up under load, say): the change waits in the outbox and is
/// charged once the account is known, instead of going to the error queue with its charge. One that reaches the account
/// while its first charge is still under way waits for that charge too: priced then, it found no paid period and the seat
/// came free (seen as a rare failure of the first test, when a redelivery fell between the creation and its charge).
/// </summary>
public sealed class PlanChangeBeforeCreationTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>, IAsyncLifetime
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

    [Fact]
    public async Task A_seat_change_that_reaches_an_account_whose_first_charge_is_under_way_waits_for_it_and_is_then_charged()
    {
        var card = await billing.AddCardAsync(partnerId);
        var accountId = Guid.NewGuid();
        var openingPayment = await OpenWithoutChargingAsync(accountId, card);

        var change = await billing.PublishAsync(new AccountPlanChanged(accountId, partnerId, Plus, Plus with { Seats = 4 }, null, DateTimeOffset.UtcNow, card, Payers.Partner, Revision: 1));
        Assert.True(await billing.EventuallyAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.MessageId == change && m.Deferrals >= 2)),
            "The change reaching an account whose first charge is under way was not deferred again on its redelivery.");
        var waiting = await billing.AccountAsync(accountId);
        Assert.Equal((AccountStatus.Pending, 3, 0), (waiting.Status, waiting.Plan.Seats, waiting.PlanRevision));
        Assert.Empty(await billing.InvoicesAsync(accountId, InvoicePurposes.Proration));

        await billing.ChargeAsync(openingPayment);

        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.Proration && i.Status == InvoiceStatus.Paid)),
            "The seat change was never charged after the first charge settled.");
        var account = await billing.AccountAsync(accountId);
        Assert.Equal((AccountStatus.Active, 4, 1), (account.Status, account.Plan.Seats, account.PlanRevision));
    }

    /// <summary>Billing's account as its creation leaves it just before the first charge: invoiced, the payment pending.</summary>
    private Task<Guid> OpenWithoutChargingAsync(Guid accountId, Guid card) => billing.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<BillingDb>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var account = BilledAccount.From(new AccountCreated(accountId, partnerId, "acct-" + accountId.ToString("N")[..8], Plus, Payers.Partner, card,
            "pending", DateTimeOffset.UtcNow.AddDays(-10), "billing@agency.test"));
        db.BilledAccounts.Add(account);
        var payment = await services.GetRequiredService<PeriodInvoicer>().InvoiceNextPeriodAsync(account, InvoicePurposes.FirstPeriod, CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return payment ?? throw new InvalidOperationException("The opening period was not left to charge.");
    });
}
