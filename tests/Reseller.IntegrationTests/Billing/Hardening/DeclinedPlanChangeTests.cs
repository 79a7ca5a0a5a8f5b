using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Invoices;
using Reseller.Billing.Renewals;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;

namespace Reseller.IntegrationTests.Billing.Hardening;

/// <summary>
/// An upgrade is applied at once and a switch to annual starts a new period at once; both are charged then. A declined
/// charge of either used to stay open with no retry, the account running on the upgrade or the year for free. They are
/// retried in dunning 1, 3 and 5 days later like a renewal: a card that pays then settles them, the last failure ends them.
/// </summary>
public sealed class DeclinedPlanChangeTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>, IAsyncLifetime
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, 3, [], "monthly");
    private static readonly AccountPlan Professional = Plus with { Tier = "professional" };
    private readonly Guid partnerId = Guid.NewGuid();
    private BillingHost billing = null!;

    public async Task InitializeAsync() => billing = await BillingHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await billing.DisposeAsync();

    [Fact]
    public async Task A_declined_upgrade_proration_is_retried_on_the_dunning_schedule_and_paid_by_a_card_chosen_meanwhile()
    {
        var accountId = await ActiveOnDecliningCardAsync();
        await billing.PublishAsync(new AccountPlanChanged(accountId, partnerId, Plus, Professional, null, DateTimeOffset.UtcNow));
        var proration = await FailedOnceAsync(accountId, InvoicePurposes.Proration);
        Assert.Equal(AccountStatus.Active, (await billing.AccountAsync(accountId)).Status);

        await billing.ChooseCardAsync(accountId, partnerId, await billing.AddCardAsync(partnerId), DateTimeOffset.UtcNow);
        await billing.RunAsync<DunningJob>(proration.FirstFailedAt!.Value.AddDays(1).AddMinutes(1));

        var paid = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Proration));
        Assert.Equal((InvoiceStatus.Paid, 0L), (paid.Status, paid.AmountDue));
        Assert.Equal(2, await PaymentsAsync(paid.Id));
    }

    [Fact]
    public async Task A_declined_switch_to_annual_is_retried_1_3_and_5_days_later_then_uncollectible_and_the_account_expires()
    {
        var accountId = await ActiveOnDecliningCardAsync();
        await billing.PublishAsync(new AccountPlanChanged(accountId, partnerId, Plus, Plus with { Cadence = "annual" }, null, DateTimeOffset.UtcNow));
        var change = await FailedOnceAsync(accountId, InvoicePurposes.PlanChange);
        Assert.Equal(AccountStatus.PaymentFailed, (await billing.AccountAsync(accountId)).Status);

        foreach (var day in new[] { 1, 3, 5 })
        {
            await billing.RunAsync<DunningJob>(change.FirstFailedAt!.Value.AddDays(day).AddMinutes(1));
        }

        var uncollectible = Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.PlanChange));
        Assert.Equal((InvoiceStatus.Uncollectible, 4), (uncollectible.Status, uncollectible.FailedAttempts));
        Assert.Equal(4, await PaymentsAsync(uncollectible.Id));
        Assert.Equal(1, await FinalFailuresAsync(uncollectible.Id));
    }

    /// <summary>A partner-paid account paid by a card that pays, then moved to one that declines every charge.</summary>
    private async Task<Guid> ActiveOnDecliningCardAsync()
    {
        var accountId = await billing.ActiveAccountAsync(partnerId, await billing.AddCardAsync(partnerId), Plus);
        await billing.ChooseCardAsync(accountId, partnerId, await billing.AddCardAsync(partnerId, "card_declined"), DateTimeOffset.UtcNow);
        return accountId;
    }

    private async Task<Invoice> FailedOnceAsync(Guid accountId, string purpose)
    {
        Assert.True(await billing.EventuallyAsync(db => db.Invoices.AnyAsync(i => i.AccountId == accountId && i.Purpose == purpose && i.FailedAttempts == 1)),
            $"The {purpose} charge never failed.");
        var failed = Assert.Single(await billing.InvoicesAsync(accountId, purpose));
        Assert.Equal(InvoiceStatus.Open, failed.Status);
        Assert.Equal(failed.FirstFailedAt!.Value.AddDays(1), failed.NextRetryAt);
        return failed;
    }

    /// <summary>How many PaymentFailed events for the invoice say it was the last attempt (Accounts then expires the account).</summary>
    private Task<int> FinalFailuresAsync(Guid invoiceId) => billing.QueryAsync(db => db.Database.SqlQuery<int>($"""
        SELECT count(*)::int AS "Value" FROM outbox_messages
        WHERE message_type LIKE 'Reseller.Contracts.Billing.PaymentFailed,%' AND body->>'InvoiceId' = {invoiceId.ToString()} AND (body->>'Final')::boolean
        """).SingleAsync());

    private Task<int> PaymentsAsync(Guid invoiceId) => billing.QueryAsync(db => db.Payments.CountAsync(p => p.InvoiceId == invoiceId));
}
