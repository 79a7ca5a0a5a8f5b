using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Reseller.Billing.Data;
using Reseller.Billing.FollowedAccounts;
using Reseller.Billing.Invoices;
using Reseller.Billing.Payments;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;

namespace Reseller.IntegrationTests.Billing;

/// <summary>Billing's copy of an account, set up through its events and read back, as the ordering tests need it.</summary>
public static class BilledAccountSteps
{
    /// <summary>
    /// Publishes a partner-paid account's creation on <paramref name="card"/> (ten days ago unless <paramref name="createdAt"/>
    /// says otherwise) and waits until its opening period is paid; returns the account's id (a new one unless given).
    /// </summary>
    public static async Task<Guid> ActiveAccountAsync(
        this BillingHost billing, Guid partnerId, Guid card, AccountPlan plan, DateTimeOffset? createdAt = null, Guid? id = null)
    {
        var accountId = id ?? Guid.NewGuid();
        await billing.PublishAsync(new AccountCreated(accountId, partnerId, "acct-" + accountId.ToString("N")[..8], plan, Payers.Partner, card,
            "pending", createdAt ?? DateTimeOffset.UtcNow.AddDays(-10), "billing@agency.test"));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.AccountId == accountId))?.Status == AccountStatus.Active),
            $"Account {accountId} never became active in Billing.");
        return accountId;
    }

    /// <summary>Publishes the partner's choice of <paramref name="card"/> for the account and waits until Billing has applied it.</summary>
    public static async Task ChooseCardAsync(this BillingHost billing, Guid accountId, Guid partnerId, Guid card, DateTimeOffset at)
    {
        await billing.PublishAsync(new AccountBillingProfileChanged(accountId, partnerId, card, at));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).BillingProfileId == card),
            $"Account {accountId} never moved to card {card} in Billing.");
    }

    /// <summary>Publishes the account's move out of its agency and waits until Billing has closed it.</summary>
    public static async Task MoveOutAsync(this BillingHost billing, Guid accountId, Guid formerPartnerId, DateTimeOffset at)
    {
        await billing.PublishAsync(new AccountTransferredOut(accountId, formerPartnerId, "owner@client.test", at));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).Status == AccountStatus.Transferred),
            $"Account {accountId} never moved out in Billing.");
    }

    /// <summary>Publishes the account's move into the partner's agency (partner-paid, no card yet) and waits until Billing has applied it.</summary>
    public static async Task MoveInAsync(this BillingHost billing, Guid accountId, Guid partnerId, AccountPlan plan, DateTimeOffset at)
    {
        await billing.PublishAsync(new AccountTransferredIn(accountId, partnerId, "acct-moved", plan, Payers.Partner, at));
        Assert.True(await billing.EventuallyAsync(async db => (await db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId)).PartnerId == partnerId),
            $"Account {accountId} never moved in to partner {partnerId} in Billing.");
    }

    /// <summary>
    /// The account's next period invoiced as the renewal job would, committed, its charge recorded as under way and not made:
    /// the payment to charge.
    /// </summary>
    public static Task<Guid> InvoiceRenewalAsync(this BillingHost billing, Guid accountId) => billing.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<BillingDb>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var account = await db.BilledAccounts.SingleAsync(a => a.AccountId == accountId);
        var payment = await services.GetRequiredService<PeriodInvoicer>().InvoiceNextPeriodAsync(account, InvoicePurposes.Renewal, CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return payment ?? throw new InvalidOperationException($"Account {accountId}'s renewal was left nothing to charge.");
    });

    /// <summary>Charges a payment under way as Billing does right after the commit that recorded it.</summary>
    public static Task ChargeAsync(this BillingHost billing, Guid paymentId) => billing.WithServicesAsync(async services =>
    {
        await services.GetRequiredService<ChargeProcessor>().ProcessAsync(paymentId, CancellationToken.None);
        return true;
    });

    /// <summary>The provider's answer to a charge under way, recorded as the charge would record it when it comes back.</summary>
    public static async Task RecordChargeAnswerAsync(this BillingHost billing, Guid paymentId, ChargeResult result) =>
        Assert.True(await billing.WithServicesAsync(services => services.GetRequiredService<ChargeProcessor>().RecordAsync(paymentId, result, 0, CancellationToken.None)),
            "The charge was no longer under way when its answer came.");

    public static Task<Payment> PaymentAsync(this BillingHost billing, Guid paymentId) =>
        billing.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.Id == paymentId));

    public static Task<BilledAccount> AccountAsync(this BillingHost billing, Guid accountId) =>
        billing.QueryAsync(db => db.BilledAccounts.AsNoTracking().SingleAsync(a => a.AccountId == accountId));

    public static Task<List<Invoice>> InvoicesAsync(this BillingHost billing, Guid accountId, string purpose) =>
        billing.QueryAsync(db => db.Invoices.AsNoTracking().Where(i => i.AccountId == accountId && i.Purpose == purpose).ToListAsync());
}
