using Microsoft.EntityFrameworkCore;

using Reseller.Billing.FollowedAccounts;
using Reseller.Billing.Invoices;
using Reseller.Billing.Renewals;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.IntegrationTests.Messaging;

namespace Reseller.IntegrationTests.Billing;

/// <summary>Billing's consumers of the account events, each fed through RabbitMQ into a real Billing instance.</summary>
public sealed class BillingConsumerTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>, IAsyncLifetime
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, null, [], "monthly");
    private static readonly AccountPlan Professional = new("marketing", "professional", 1000, null, [], "monthly");
    private static readonly AccountPlan Lite = new("marketing", "lite", 1000, null, [], "monthly");
    private static readonly AccountPlan Trial = new("marketing", "plus", 1000, null, [], "trial");
    private readonly Guid partnerId = Guid.NewGuid();
    private BillingHost billing = null!;

    public async Task InitializeAsync() => billing = await BillingHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await billing.DisposeAsync();

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    private static long HalfEven(decimal value) => (long)Math.Round(value, MidpointRounding.ToEven);

    /// <summary>Creates an account through AccountCreated and waits until Billing has settled its first charge.</summary>
    private async Task<(Guid AccountId, Guid CardId)> ActiveAccountAsync(AccountPlan plan, DateTimeOffset createdAt, string card = "ok", string email = "billing@agency.test")
    {
        var accountId = Guid.NewGuid();
        var cardId = await billing.AddCardAsync(partnerId, card);
        await billing.PublishAsync(new AccountCreated(accountId, partnerId, "acct-" + accountId.ToString("N")[..8], plan, "partner", cardId,
            plan.Cadence == "trial" ? "trial" : "pending", createdAt, email));
        var settled = plan.Cadence == "trial" ? AccountStatus.Trial : card == "ok" ? AccountStatus.Active : AccountStatus.PaymentFailed;
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.AccountId == accountId))?.Status == settled),
            $"The account never became {settled}.");
        return (accountId, cardId);
    }

    private Task<BilledAccount> AccountAsync(Guid accountId) => billing.QueryAsync(db => db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId));

    /// <summary>How many InvoiceIssued events the outbox holds for the invoice (Partners turns them into invoice.issued).</summary>
    private Task<int> IssuedEventsAsync(Guid invoiceId) => billing.QueryAsync(db => db.Database.SqlQuery<int>($"""
        SELECT count(*)::int AS "Value" FROM outbox_messages
        WHERE message_type LIKE 'Reseller.Contracts.Billing.InvoiceIssued,%' AND body->>'InvoiceId' = {invoiceId.ToString()}
        """).SingleAsync());

    private Task<List<Invoice>> InvoicesAsync(Guid accountId) =>
        billing.QueryAsync(db => db.Invoices.AsNoTracking().Where(i => i.AccountId == accountId).OrderBy(i => i.Id).ToListAsync());

    [Fact]
    public async Task A_redelivered_AccountCreated_invoices_and_charges_the_first_period_once()
    {
        var accountId = Guid.NewGuid();
        var cardId = await billing.AddCardAsync(partnerId);
        var consumed = ConsumedMessages.ObserveOn(billing.Bus);
        var created = new AccountCreated(accountId, partnerId, "acct-once", Plus, "partner", cardId, "pending", Now, "billing@agency.test");
        var messageId = await billing.PublishAsync(created);
        await billing.PublishAsync(created, messageId);

        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == accountId && i.Status == InvoiceStatus.Paid)));
        // A later account created through the same queue: once it is paid, the redelivery published before it was handled too.
        var markerId = Guid.NewGuid();
        var markerMessageId = await billing.PublishAsync(created with { AccountId = markerId, Name = "acct-marker" });
        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == markerId && i.Status == InvoiceStatus.Paid)));
        Assert.True(await Eventually.HoldsAsync(() => consumed.AllHandled(messageId, messageId, markerMessageId), Eventually.Propagation), "Not every delivery was handled");
        var opening = Assert.Single(await InvoicesAsync(accountId));
        Assert.Equal(1, await billing.QueryAsync(db => db.Payments.CountAsync(p => p.InvoiceId == db.Invoices.Single(i => i.AccountId == accountId).Id)));
        Assert.Equal(1, await IssuedEventsAsync(opening.Id));
        Assert.Equal(1, await billing.InboxCountAsync(messageId));
    }

    [Fact]
    public async Task An_upgrade_mid_period_is_charged_now_prorated_once_even_when_redelivered()
    {
        var (accountId, _) = await ActiveAccountAsync(Plus, Now.AddDays(-10));
        var account = await AccountAsync(accountId);
        var (start, end) = (account.CurrentPeriodStart!.Value, account.CurrentPeriodEnd!.Value);
        var today = DateOnly.FromDateTime(Now.UtcDateTime);

        var consumed = ConsumedMessages.ObserveOn(billing.Bus);
        var change = new AccountPlanChanged(accountId, partnerId, Plus, Professional, null, Now);
        var messageId = await billing.PublishAsync(change);
        await billing.PublishAsync(change, messageId);

        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == accountId && i.Purpose == InvoicePurposes.Proration && i.Status == InvoiceStatus.Paid)));
        Assert.True(await Eventually.HoldsAsync(() => consumed.AllHandled(messageId, messageId), Eventually.Propagation), "Not every delivery was handled");
        var proration = Assert.Single(await InvoicesAsync(accountId), i => i.Purpose == InvoicePurposes.Proration);
        // (14900 − 4900) for the remaining days of the period, then 10 % off (one paid account), each rounded half to even.
        var prorated = HalfEven(10000m * (end.DayNumber - today.DayNumber) / (end.DayNumber - start.DayNumber));
        Assert.Equal(prorated - HalfEven(prorated * 0.10m), proration.Total);
        Assert.Equal(today, proration.PeriodStart);
        Assert.Equal(end, proration.PeriodEnd);
        Assert.Equal("professional", (await AccountAsync(accountId)).Plan.Tier);
        Assert.Equal(1, await IssuedEventsAsync(proration.Id));
    }

    [Fact]
    public async Task A_trial_turned_paid_is_charged_its_first_period_anchored_on_the_change_date()
    {
        var (accountId, _) = await ActiveAccountAsync(Trial, Now.AddDays(-20));
        Assert.Empty(await InvoicesAsync(accountId));
        var cardId = await billing.AddCardAsync(partnerId);
        await billing.ChooseCardAsync(accountId, partnerId, cardId, Now);

        await billing.PublishAsync(new AccountPlanChanged(accountId, partnerId, Trial, Plus, null, Now));

        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).Status == AccountStatus.Active));
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var first = Assert.Single(await InvoicesAsync(accountId));
        Assert.Equal(InvoicePurposes.FirstPeriod, first.Purpose);
        Assert.Equal(4410, first.Total);
        Assert.Equal(today, first.PeriodStart);
        Assert.Equal(today.AddMonths(1), first.PeriodEnd);
        Assert.Equal(today, (await AccountAsync(accountId)).AnchorDate);
    }

    [Fact]
    public async Task A_trial_turned_paid_on_a_new_card_is_charged_to_that_card_when_its_own_card_change_arrives_later()
    {
        var (accountId, _) = await ActiveAccountAsync(Trial, Now.AddDays(-20), card: "card_declined");
        var newCard = await billing.AddCardAsync(partnerId);

        // One request named the new card and the paid plan: the plan change is consumed first, its card change not yet.
        await billing.PublishAsync(new AccountPlanChanged(accountId, partnerId, Trial, Plus, null, Now, newCard, Payers.Partner, Revision: 1));

        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).Status == AccountStatus.Active),
            "The first period was not charged to the card the request named.");
        var first = Assert.Single(await InvoicesAsync(accountId));
        var payment = await billing.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.InvoiceId == first.Id));
        Assert.Equal((newCard, InvoiceStatus.Paid), (payment.BillingProfileId, first.Status));

        // The card change then arrives: the same choice, nothing more happens; an older one would not undo it.
        await billing.ChooseCardAsync(accountId, partnerId, newCard, Now);
        Assert.Equal(newCard, (await AccountAsync(accountId)).BillingProfileId);
    }

    [Fact]
    public async Task A_scheduled_downgrade_is_used_at_the_next_renewal_and_then_becomes_the_plan()
    {
        var (accountId, _) = await ActiveAccountAsync(Plus, Now.AddMonths(-1).AddDays(1));
        await billing.PublishAsync(new AccountPlanChanged(accountId, partnerId, Plus, Plus, Lite, Now));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).ScheduledPlan is not null));
        Assert.Single(await InvoicesAsync(accountId));

        var periodEnd = (await AccountAsync(accountId)).CurrentPeriodEnd!.Value;
        await billing.RunAsync<RenewalJob>(new DateTimeOffset(periodEnd.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));

        var renewal = Assert.Single(await InvoicesAsync(accountId), i => i.Purpose == InvoicePurposes.Renewal);
        Assert.Equal(2900 - 290, renewal.Total);
        Assert.Equal(InvoiceStatus.Paid, renewal.Status);
        var account = await AccountAsync(accountId);
        Assert.Equal("lite", account.Plan.Tier);
        Assert.Null(account.ScheduledPlan);
    }

    [Fact]
    public async Task A_cancelled_account_is_not_renewed_and_is_renewed_again_once_active()
    {
        var (accountId, _) = await ActiveAccountAsync(Plus, Now.AddMonths(-1).AddDays(1));
        var cancelled = new AccountStatusChanged(accountId, partnerId, "active", "cancelled", "monthly", "partner", Now);
        var messageId = await billing.PublishAsync(cancelled);
        await billing.PublishAsync(cancelled, messageId);
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).Status == AccountStatus.Cancelled));

        var periodEnd = (await AccountAsync(accountId)).CurrentPeriodEnd!.Value;
        var renewalTime = new DateTimeOffset(periodEnd.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero);
        await billing.RunAsync<RenewalJob>(renewalTime);
        Assert.Single(await InvoicesAsync(accountId));

        await billing.PublishAsync(new AccountStatusChanged(accountId, partnerId, "cancelled", "active", "monthly", "partner", Now));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).Status == AccountStatus.Active));
        await billing.RunAsync<RenewalJob>(renewalTime);
        Assert.Single(await InvoicesAsync(accountId), i => i.Purpose == InvoicePurposes.Renewal && i.Status == InvoiceStatus.Paid);
    }

    [Fact]
    public async Task An_expired_or_transferred_account_is_never_charged_again()
    {
        var (expiredId, _) = await ActiveAccountAsync(Plus, Now.AddMonths(-1).AddDays(1), card: "card_declined");
        var (transferredId, _) = await ActiveAccountAsync(Plus, Now.AddMonths(-1).AddDays(1));

        await billing.PublishAsync(new AccountStatusChanged(expiredId, partnerId, "payment_failed", "expired", "monthly", "partner", Now));
        await billing.PublishAsync(new AccountTransferredOut(transferredId, partnerId, "owner@client.test", Now));
        Assert.True(await billing.EventuallyAsync(async db =>
            (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == expiredId)).Status == AccountStatus.Expired
            && (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == transferredId)).Status == AccountStatus.Transferred));
        Assert.Equal(InvoiceStatus.Void, Assert.Single(await InvoicesAsync(expiredId)).Status);

        var later = Now.AddMonths(2);
        await billing.RunAsync<RenewalJob>(later);
        await billing.RunAsync<DunningJob>(later);
        Assert.Single(await InvoicesAsync(expiredId));
        Assert.Single(await InvoicesAsync(transferredId));
        Assert.Equal(1, await billing.QueryAsync(db => db.Payments.CountAsync(p => db.Invoices.Any(i => i.Id == p.InvoiceId && i.AccountId == expiredId))));
    }

    [Fact]
    public async Task A_renewal_request_with_a_new_profile_pays_the_open_invoice_at_once()
    {
        var (accountId, _) = await ActiveAccountAsync(Plus, Now, card: "card_declined");
        var open = Assert.Single(await InvoicesAsync(accountId));
        Assert.Equal(InvoiceStatus.Open, open.Status);

        var goodCard = await billing.AddCardAsync(partnerId);
        var consumed = ConsumedMessages.ObserveOn(billing.Bus);
        var request = new AccountRenewalRequested(accountId, partnerId, goodCard, Now);
        var messageId = await billing.PublishAsync(request);
        await billing.PublishAsync(request, messageId);

        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).Status == AccountStatus.Active));
        Assert.True(await Eventually.HoldsAsync(() => consumed.AllHandled(messageId, messageId), Eventually.Propagation), "Not every delivery was handled");
        var paid = Assert.Single(await InvoicesAsync(accountId));
        Assert.Equal(InvoiceStatus.Paid, paid.Status);
        Assert.Equal(4410, paid.CardCharged);
        Assert.Equal(1, await billing.QueryAsync(db => db.Payments.CountAsync(p => p.InvoiceId == paid.Id && p.Status == Reseller.Billing.Payments.PaymentStatus.Succeeded)));
        Assert.Equal(goodCard, (await AccountAsync(accountId)).BillingProfileId);
    }

    [Fact]
    public async Task A_customer_payer_is_charged_list_price_on_its_own_card_from_the_next_invoice_and_the_partner_is_told()
    {
        var (accountId, partnerCard) = await ActiveAccountAsync(Plus, Now.AddMonths(-1).AddDays(1));
        var customerCard = await billing.AddCardAsync(partnerId, accountId: accountId);
        await billing.PublishAsync(new PayerChanged(accountId, partnerId, "partner", "customer", customerCard, "billing@agency.test", Now));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).Payer == "customer"));
        Assert.Equal("partner", Assert.Single(await InvoicesAsync(accountId)).Payer);

        var periodEnd = (await AccountAsync(accountId)).CurrentPeriodEnd!.Value;
        await billing.RunAsync<RenewalJob>(new DateTimeOffset(periodEnd.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));

        var renewal = Assert.Single(await InvoicesAsync(accountId), i => i.Purpose == InvoicePurposes.Renewal);
        Assert.Equal("customer", renewal.Payer);
        Assert.Equal(4900, renewal.Total);
        Assert.Equal(0, renewal.Discount);
        Assert.Equal(customerCard, await billing.QueryAsync(db => db.Payments.Where(p => p.InvoiceId == renewal.Id).Select(p => p.BillingProfileId).SingleAsync()));
        var mail = Assert.Single(billing.Mails(), m => m.Subject.Contains("paid by the customer", StringComparison.Ordinal));
        Assert.Equal("billing@agency.test", mail.To);

        await billing.PublishAsync(new PayerChanged(accountId, partnerId, "customer", "partner", null, "billing@agency.test", Now));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).BillingProfileId == partnerCard));
    }

    [Fact]
    public async Task Each_failed_dunning_step_and_the_expiry_are_mailed_to_the_current_notification_address()
    {
        var (accountId, _) = await ActiveAccountAsync(Plus, Now.AddMonths(-1).AddDays(1));
        await billing.PublishAsync(new AccountNotificationEmailChanged(accountId, partnerId, "alerts@agency.test", Now));
        var failingCard = await billing.AddCardAsync(partnerId, "charge_failed");
        await billing.PublishAsync(new AccountBillingProfileChanged(accountId, partnerId, failingCard, Now));
        Assert.True(await billing.EventuallyAsync(async db =>
        {
            var a = await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId);
            return a.NotificationEmail == "alerts@agency.test" && a.BillingProfileId == failingCard;
        }));

        var periodEnd = new DateTimeOffset((await AccountAsync(accountId)).CurrentPeriodEnd!.Value.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero);
        await billing.RunAsync<RenewalJob>(periodEnd);
        var renewal = Assert.Single(await InvoicesAsync(accountId), i => i.Purpose == InvoicePurposes.Renewal);
        foreach (var retryAt in new[] { 1, 3, 5 }.Select(d => renewal.FirstFailedAt!.Value.AddDays(d).AddMinutes(1)))
        {
            await billing.RunAsync<DunningJob>(retryAt);
        }

        Assert.Equal(AccountStatus.Expired, (await AccountAsync(accountId)).Status);
        Assert.True(await Eventually.HoldsAsync(() => billing.Mails().Count(m => m.Subject.Contains(renewal.Number, StringComparison.Ordinal)) == 4, Eventually.Propagation));
        var mails = billing.Mails().Where(m => m.Subject.Contains(renewal.Number, StringComparison.Ordinal)).ToList();
        Assert.All(mails, m => Assert.Equal("alerts@agency.test", m.To));
        Assert.Equal(3, mails.Count(m => m.Subject.StartsWith("Payment failed", StringComparison.Ordinal)));
        Assert.Single(mails, m => m.Subject.Contains("has expired", StringComparison.Ordinal));
    }
}
