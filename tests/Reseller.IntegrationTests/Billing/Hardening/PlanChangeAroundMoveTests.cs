using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Invoices;
using Reseller.Billing.Payments;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.IntegrationTests.Messaging;

namespace Reseller.IntegrationTests.Billing.Hardening;

/// <summary>
/// A plan change made seconds before or after a move (out of one agency, into another), consumed by Billing on the wrong
/// side of it. One the new partner made that overtook the move-in waits for it and is the new partner's; one the former
/// partner made before the move is the former partner's, billed on the card it named, as it would have been had it arrived
/// first, and the account, now another's, keeps what its move carried.
/// </summary>
public sealed class PlanChangeAroundMoveTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>, IAsyncLifetime
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
        await billing.MoveOutAsync(accountId, formerPartnerId, movedOutAt);
        var movedInAt = movedOutAt.AddSeconds(1);
        var newCard = await billing.AddCardAsync(newPartnerId);

        var change = await billing.PublishAsync(new AccountPlanChanged(
            accountId, newPartnerId, Plus, Plus with { Seats = 4 }, null, movedInAt.AddSeconds(1), newCard, Payers.Partner, Revision: 1));
        Assert.True(await billing.DeferredAsync(change),
            "The change made after a move-in Billing had not seen never waited for it.");
        Assert.Empty(await billing.InvoicesAsync(accountId, InvoicePurposes.Proration));

        await billing.MoveInAsync(accountId, newPartnerId, Plus, movedInAt);

        Assert.True(await Eventually.HoldsAsync(async () => await billing.InboxCountAsync(change) == 1, Eventually.Propagation),
            "The deferred change was never applied after the move-in.");
        var proration = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Proration));
        Assert.Equal(newPartnerId, proration.PartnerId);
        var account = await billing.AccountAsync(accountId);
        Assert.Equal(newPartnerId, account.PartnerId);
        Assert.Equal(4, account.Plan.Seats);
        Assert.Equal(1, account.PlanRevision);
    }

    [Fact]
    public async Task A_seat_added_by_the_former_partner_consumed_after_the_move_out_and_in_is_charged_to_the_former_partners_card()
    {
        var formerCard = await billing.AddCardAsync(formerPartnerId);
        var accountId = await billing.ActiveAccountAsync(formerPartnerId, formerCard, Plus);
        var changedAt = DateTimeOffset.UtcNow;
        await billing.MoveOutAsync(accountId, formerPartnerId, changedAt.AddSeconds(1));
        await billing.MoveInAsync(accountId, newPartnerId, Plus with { Seats = 4 }, changedAt.AddSeconds(2));

        await ConsumeAsync(new AccountPlanChanged(accountId, formerPartnerId, Plus, Plus with { Seats = 4 }, null, changedAt, formerCard, Payers.Partner, Revision: 1));

        await AssertPaidByFormerPartnerAsync(accountId, formerCard);
        var account = await billing.AccountAsync(accountId);
        Assert.Equal(newPartnerId, account.PartnerId);
        Assert.Null(account.BillingProfileId);
        Assert.Equal(AccountStatus.Active, account.Status);
        Assert.Equal(4, account.Plan.Seats);
        Assert.Equal(1, account.PlanRevision);
    }

    [Fact]
    public async Task A_seat_added_before_a_move_out_consumed_after_it_is_still_charged_to_the_partner_that_made_it()
    {
        var formerCard = await billing.AddCardAsync(formerPartnerId);
        var accountId = await billing.ActiveAccountAsync(formerPartnerId, formerCard, Plus);
        var changedAt = DateTimeOffset.UtcNow;
        await billing.MoveOutAsync(accountId, formerPartnerId, changedAt.AddSeconds(1));

        await ConsumeAsync(new AccountPlanChanged(accountId, formerPartnerId, Plus, Plus with { Seats = 4 }, null, changedAt, formerCard, Payers.Partner, Revision: 1));

        await AssertPaidByFormerPartnerAsync(accountId, formerCard);
        var account = await billing.AccountAsync(accountId);
        Assert.Equal(AccountStatus.Transferred, account.Status);
        Assert.Equal(1, account.PlanRevision);
    }

    [Fact]
    public async Task A_new_cadence_chosen_by_the_former_partner_consumed_after_the_move_in_restarts_nothing_for_the_new_partner()
    {
        var formerCard = await billing.AddCardAsync(formerPartnerId);
        var accountId = await billing.ActiveAccountAsync(formerPartnerId, formerCard, Plus);
        var before = await billing.AccountAsync(accountId);
        var changedAt = DateTimeOffset.UtcNow;
        var yearly = Plus with { Cadence = "annual" };
        await billing.MoveOutAsync(accountId, formerPartnerId, changedAt.AddSeconds(1));
        await billing.MoveInAsync(accountId, newPartnerId, yearly, changedAt.AddSeconds(2));

        await ConsumeAsync(new AccountPlanChanged(accountId, formerPartnerId, Plus, yearly, null, changedAt, formerCard, Payers.Partner, Revision: 1));

        Assert.Empty(await billing.InvoicesAsync(accountId, InvoicePurposes.PlanChange));
        var account = await billing.AccountAsync(accountId);
        Assert.Equal(newPartnerId, account.PartnerId);
        // The new partner's first renewal, on its new cadence, comes where the period the former partner paid ends.
        Assert.Equal(before.CurrentPeriodEnd, account.CurrentPeriodEnd);
        Assert.Equal((before.CurrentPeriodEnd!.Value, before.CurrentPeriodEnd.Value.AddYears(1)), account.NextPeriod());
        Assert.Equal(AccountStatus.Active, account.Status);
        Assert.Equal(1, account.PlanRevision);
    }

    private async Task ConsumeAsync(AccountPlanChanged change)
    {
        var messageId = await billing.PublishAsync(change);
        Assert.True(await Eventually.HoldsAsync(async () => await billing.InboxCountAsync(messageId) == 1, Eventually.Propagation),
            "The late plan change was never consumed.");
    }

    /// <summary>One prorated invoice for the added seat: the former partner's, paid by a charge to its own card.</summary>
    private async Task AssertPaidByFormerPartnerAsync(Guid accountId, Guid formerCard)
    {
        var proration = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Proration));
        Assert.Equal(formerPartnerId, proration.PartnerId);
        Assert.Equal(Payers.Partner, proration.Payer);
        Assert.True(await billing.EventuallyAsync(async db => (await db.Invoices.AsNoTracking().SingleAsync(i => i.Id == proration.Id)).Status == InvoiceStatus.Paid),
            "The former partner's proration was never paid.");
        var payment = await billing.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.InvoiceId == proration.Id));
        Assert.Equal(formerCard, payment.BillingProfileId);
        Assert.Equal(PaymentStatus.Succeeded, payment.Status);
    }
}
