using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Invoices;
using Reseller.Billing.Payments;
using Reseller.Billing.Renewals;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;

namespace Reseller.IntegrationTests.Billing.Hardening;

/// <summary>
/// A renewal is invoiced and its charge is under way when the account moves out of its agency; the move-out voids the
/// account's other open invoices and leaves this one to its charge. Whatever the charge answers, the account stays closed:
/// a charge taken is refunded and the invoice voided, and no later renewal ever bills the account again.
/// </summary>
public sealed class ChargeAfterCloseTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>, IAsyncLifetime
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, 3, [], "monthly");
    private readonly Guid partnerId = Guid.NewGuid();
    private BillingHost billing = null!;

    public async Task InitializeAsync() => billing = await BillingHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await billing.DisposeAsync();

    [Fact]
    public async Task A_renewal_charge_taken_after_the_move_out_is_refunded_and_the_account_is_never_renewed_again()
    {
        var (accountId, paymentId) = await RenewalUnderWayThenMovedOutAsync();

        await billing.RecordChargeAnswerAsync(paymentId, ChargeResult.Success("ch_after_move_out"));

        var payment = await billing.PaymentAsync(paymentId);
        Assert.Equal(PaymentStatus.Unmatched, payment.Status);
        Assert.Equal(payment.Amount, payment.RefundAmount);
        Assert.NotNull(payment.RefundSettledAt);
        await AssertClosedAndNeverRenewedAsync(accountId, payment.InvoiceId);
    }

    [Fact]
    public async Task A_renewal_charge_declined_after_the_move_out_voids_its_invoice_and_nothing_is_retried()
    {
        var (accountId, paymentId) = await RenewalUnderWayThenMovedOutAsync();

        await billing.RecordChargeAnswerAsync(paymentId, ChargeResult.Failure("card_declined"));

        var payment = await billing.PaymentAsync(paymentId);
        Assert.Equal(PaymentStatus.Failed, payment.Status);
        var invoice = await billing.QueryAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == payment.InvoiceId));
        Assert.Null(invoice.NextRetryAt);
        await AssertClosedAndNeverRenewedAsync(accountId, payment.InvoiceId);
    }

    /// <summary>An active account's renewal invoiced with its charge recorded as under way, then the account's move-out consumed.</summary>
    private async Task<(Guid AccountId, Guid PaymentId)> RenewalUnderWayThenMovedOutAsync()
    {
        var card = await billing.AddCardAsync(partnerId);
        var accountId = await billing.ActiveAccountAsync(partnerId, card, Plus, DateTimeOffset.UtcNow.AddMonths(-1).AddDays(-1));
        var paymentId = await billing.InvoiceRenewalAsync(accountId);
        await billing.MoveOutAsync(accountId, partnerId, DateTimeOffset.UtcNow);
        Assert.Equal(InvoiceStatus.Open, Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Renewal)).Status);
        return (accountId, paymentId);
    }

    private async Task AssertClosedAndNeverRenewedAsync(Guid accountId, Guid invoiceId)
    {
        var invoice = await billing.QueryAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == invoiceId));
        Assert.Equal(InvoiceStatus.Void, invoice.Status);
        Assert.Equal(AccountStatus.Transferred, (await billing.AccountAsync(accountId)).Status);

        var later = DateTimeOffset.UtcNow.AddMonths(3);
        await billing.RunAsync<RenewalJob>(later);
        await billing.RunAsync<DunningJob>(later);
        Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Renewal));
        Assert.Equal(2, await billing.QueryAsync(db => db.Payments.CountAsync(p => db.Invoices.Any(i => i.Id == p.InvoiceId && i.AccountId == accountId))));
    }
}
