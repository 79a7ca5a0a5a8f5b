using Microsoft.EntityFrameworkCore;

using Reseller.Billing.FollowedAccounts;
using Reseller.Billing.Invoices;
using Reseller.Billing.Renewals;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;

namespace Reseller.IntegrationTests.Billing;

/// <summary>Billing's consumer of AccountTransferredIn, fed through RabbitMQ into a real Billing instance.</summary>
public sealed class BillingTransferInTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>, IAsyncLifetime
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, null, [], "monthly");
    private readonly Guid formerPartnerId = Guid.NewGuid();
    private readonly Guid newPartnerId = Guid.NewGuid();
    private BillingHost billing = null!;

    public async Task InitializeAsync() => billing = await BillingHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await billing.DisposeAsync();

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    private Task<BilledAccount> AccountAsync(Guid accountId) => billing.QueryAsync(db => db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId));

    private Task<List<Invoice>> InvoicesAsync(Guid accountId) =>
        billing.QueryAsync(db => db.Invoices.AsNoTracking().Where(i => i.AccountId == accountId).OrderBy(i => i.Id).ToListAsync());

    [Fact]
    public async Task A_moved_in_account_is_billed_to_its_new_partner_from_its_next_invoice_once_that_partner_chose_a_card()
    {
        var accountId = Guid.NewGuid();
        var formerCard = await billing.AddCardAsync(formerPartnerId);
        await billing.PublishAsync(new AccountCreated(accountId, formerPartnerId, "acct-" + accountId.ToString("N")[..8], Plus, "partner", formerCard,
            "pending", Now.AddMonths(-1).AddDays(1), "billing@agency.test"));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.AccountId == accountId))?.Status == AccountStatus.Active));
        await billing.PublishAsync(new AccountTransferredOut(accountId, formerPartnerId, "owner@client.test", Now));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).Status == AccountStatus.Transferred));

        var movedIn = new AccountTransferredIn(accountId, newPartnerId, "acct-moved", Plus, "partner", Now);
        var messageId = await billing.PublishAsync(movedIn);
        await billing.PublishAsync(movedIn, messageId);
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).PartnerId == newPartnerId));
        var account = await AccountAsync(accountId);
        Assert.Equal(AccountStatus.Active, account.Status);
        Assert.Null(account.BillingProfileId);
        Assert.Equal(1, await billing.InboxCountAsync(messageId));

        // The next renewal is the new partner's invoice; without a card of that partner it fails like any card-less renewal.
        await billing.RunAsync<RenewalJob>(account.CurrentPeriodEnd!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(1));
        var renewal = Assert.Single(await InvoicesAsync(accountId), i => i.Purpose == InvoicePurposes.Renewal);
        Assert.Equal(newPartnerId, renewal.PartnerId);
        Assert.Equal(InvoiceStatus.Open, renewal.Status);
        Assert.Equal(0, renewal.CardCharged);
        Assert.Equal(AccountStatus.PaymentFailed, (await AccountAsync(accountId)).Status);
        Assert.Equal(0, await billing.QueryAsync(db => db.Payments.CountAsync(p => p.InvoiceId == renewal.Id && p.BillingProfileId == formerCard)));

        // The new partner chooses its card (PATCH billing_profile_id) and renews: the open invoice is paid with it.
        var newCard = await billing.AddCardAsync(newPartnerId);
        await billing.ChooseCardAsync(accountId, newPartnerId, newCard, Now);
        await billing.PublishAsync(new AccountRenewalRequested(accountId, newPartnerId, null, Now));
        Assert.True(await billing.EventuallyAsync(async db => (await db.Invoices.AsNoTracking().SingleAsync(i => i.Id == renewal.Id)).Status == InvoiceStatus.Paid));
        Assert.True(await billing.QueryAsync(db => db.Payments.AnyAsync(p => p.InvoiceId == renewal.Id && p.BillingProfileId == newCard)));
    }

    [Fact]
    public async Task An_account_moved_out_and_back_in_on_its_renewal_day_is_renewed_by_its_new_partner_and_holds_up_no_other_renewal()
    {
        var declining = await billing.AddCardAsync(formerPartnerId, "card_declined");
        var accountId = await billing.ActiveAccountAsync(formerPartnerId, await billing.AddCardAsync(formerPartnerId), Plus, createdAt: Now.AddMonths(-1));
        var periodEnd = (await AccountAsync(accountId)).CurrentPeriodEnd!.Value;
        var renewalDay = new DateTimeOffset(periodEnd.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero);
        await billing.ChooseCardAsync(accountId, formerPartnerId, declining, renewalDay.AddHours(-1));
        var otherId = await billing.ActiveAccountAsync(formerPartnerId, await billing.AddCardAsync(formerPartnerId), Plus, createdAt: Now.AddMonths(-1).AddDays(1));
        await billing.RunAsync<RenewalJob>(renewalDay);
        var declined = Assert.Single(await InvoicesAsync(accountId), i => i.Purpose == InvoicePurposes.Renewal);

        // The former partner's renewal for that day is voided by the move-out; the new partner's is issued for the same day.
        await billing.MoveOutAsync(accountId, formerPartnerId, renewalDay.AddSeconds(1));
        await billing.MoveInAsync(accountId, newPartnerId, Plus, renewalDay.AddSeconds(2));
        await billing.ChooseCardAsync(accountId, newPartnerId, await billing.AddCardAsync(newPartnerId), renewalDay.AddSeconds(3));
        await billing.RunAsync<RenewalJob>(renewalDay.AddMinutes(1));
        await billing.RunAsync<RenewalJob>(renewalDay.AddDays(1).AddHours(1));

        var renewals = (await InvoicesAsync(accountId)).Where(i => i.Purpose == InvoicePurposes.Renewal).ToList();
        Assert.Equal([(formerPartnerId, InvoiceStatus.Void), (newPartnerId, InvoiceStatus.Paid)], renewals.Select(i => (i.PartnerId, i.Status)));
        Assert.Equal((declined.PeriodStart, declined.PeriodEnd), (renewals[1].PeriodStart, renewals[1].PeriodEnd));
        Assert.Single(await InvoicesAsync(otherId), i => i.Purpose == InvoicePurposes.Renewal);
    }

    [Fact]
    public async Task An_account_moved_in_months_after_its_last_paid_period_ended_is_billed_from_the_move_in_day_not_for_the_months_it_was_stand_alone()
    {
        var accountId = await billing.ActiveAccountAsync(formerPartnerId, await billing.AddCardAsync(formerPartnerId), Plus, createdAt: Now.AddMonths(-4));
        await billing.MoveOutAsync(accountId, formerPartnerId, Now.AddMonths(-3).AddDays(-10));
        var movedInAt = Now;
        await billing.MoveInAsync(accountId, newPartnerId, Plus, movedInAt);
        var movedInOn = DateOnly.FromDateTime(movedInAt.UtcDateTime);
        await billing.ChooseCardAsync(accountId, newPartnerId, await billing.AddCardAsync(newPartnerId), Now);

        // Two runs: a catch-up would invoice the next stand-alone month on each.
        await billing.RunAsync<RenewalJob>(movedInAt.AddHours(1));
        await billing.RunAsync<RenewalJob>(movedInAt.AddHours(2));

        var renewal = Assert.Single(await InvoicesAsync(accountId), i => i.Purpose == InvoicePurposes.Renewal);
        Assert.Equal((newPartnerId, movedInOn, movedInOn.AddMonths(1)), (renewal.PartnerId, renewal.PeriodStart, renewal.PeriodEnd));
        Assert.True(await billing.EventuallyAsync(async db => (await db.Invoices.AsNoTracking().SingleAsync(i => i.Id == renewal.Id)).Status == InvoiceStatus.Paid),
            "The new partner's first period was never paid.");
        var account = await AccountAsync(accountId);
        Assert.Equal((AccountStatus.Active, movedInOn.AddMonths(1)), (account.Status, account.CurrentPeriodEnd));
    }
}
