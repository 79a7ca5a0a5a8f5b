using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Invoices;
using Reseller.Billing.Payments;
using Reseller.Billing.Renewals;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;

namespace Reseller.IntegrationTests.Billing.Hardening;

/// <summary>
/// A renewal of the first agency is being charged on its card when the account moves out and, its owner confirming, into a
/// second agency. Whatever the card answers, the first agency pays nothing for a period the account spends with the second,
/// and the account keeps the anniversary its move-in gave it: the second agency is billed for it, on its own card.
/// </summary>
public sealed class ChargeAcrossMoveTests(ServiceHostsLane infrastructure) : IClassFixture<ServiceHostsLane>, IAsyncLifetime
{
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, 3, [], "monthly");
    private readonly Guid firstPartnerId = Guid.NewGuid();
    private readonly Guid secondPartnerId = Guid.NewGuid();
    private BillingHost billing = null!;

    public async Task InitializeAsync() => billing = await BillingHost.StartAsync(infrastructure);

    public async Task DisposeAsync() => await billing.DisposeAsync();

    [Fact]
    public async Task A_renewal_charge_taken_after_the_account_moved_to_another_agency_is_refunded_and_the_new_agency_is_billed()
    {
        var (accountId, paymentId) = await RenewalUnderWayThenMovedToTheSecondAgencyAsync();

        await billing.RecordChargeAnswerAsync(paymentId, ChargeResult.Success("ch_across_move"));

        var payment = await billing.PaymentAsync(paymentId);
        Assert.Equal(PaymentStatus.Unmatched, payment.Status);
        Assert.Equal(payment.Amount, payment.RefundAmount);
        Assert.NotNull(payment.RefundSettledAt);
        await AssertTheSecondAgencyAloneBillsTheAccountAsync(accountId, payment.InvoiceId);
    }

    [Fact]
    public async Task A_renewal_charge_declined_after_the_account_moved_to_another_agency_neither_dunns_nor_marks_the_account_failed()
    {
        var (accountId, paymentId) = await RenewalUnderWayThenMovedToTheSecondAgencyAsync();

        await billing.RecordChargeAnswerAsync(paymentId, ChargeResult.Failure("card_declined"));

        var payment = await billing.PaymentAsync(paymentId);
        Assert.Equal(PaymentStatus.Failed, payment.Status);
        var invoice = await billing.QueryAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == payment.InvoiceId));
        Assert.Null(invoice.NextRetryAt);
        await AssertTheSecondAgencyAloneBillsTheAccountAsync(accountId, payment.InvoiceId);
    }

    /// <summary>
    /// An account of the first agency whose renewal (due yesterday) is invoiced with its charge under way, then moved out and
    /// into the second agency, which chooses a card of its own.
    /// </summary>
    private async Task<(Guid AccountId, Guid PaymentId)> RenewalUnderWayThenMovedToTheSecondAgencyAsync()
    {
        var firstCard = await billing.AddCardAsync(firstPartnerId);
        var accountId = await billing.ActiveAccountAsync(firstPartnerId, firstCard, Plus, DateTimeOffset.UtcNow.AddMonths(-1).AddDays(-1));
        var paymentId = await billing.InvoiceRenewalAsync(accountId);
        var movedOutAt = DateTimeOffset.UtcNow;
        await billing.MoveOutAsync(accountId, firstPartnerId, movedOutAt);
        await billing.MoveInAsync(accountId, secondPartnerId, Plus, movedOutAt.AddSeconds(1));
        await billing.ChooseCardAsync(accountId, secondPartnerId, await billing.AddCardAsync(secondPartnerId), movedOutAt.AddSeconds(2));
        Assert.Equal(InvoiceStatus.Open, Assert.Single(await billing.InvoicesAsync(accountId, InvoicePurposes.Renewal)).Status);
        return (accountId, paymentId);
    }

    private async Task AssertTheSecondAgencyAloneBillsTheAccountAsync(Guid accountId, Guid firstAgencysInvoiceId)
    {
        var firstAgencys = await billing.QueryAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == firstAgencysInvoiceId));
        Assert.Equal(InvoiceStatus.Void, firstAgencys.Status);
        var account = await billing.AccountAsync(accountId);
        Assert.Equal(secondPartnerId, account.PartnerId);
        Assert.Equal(AccountStatus.Active, account.Status);
        // The move-in started a new anniversary on its day, its first period the next renewal: not the first agency's period.
        var movedInOn = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(movedInOn, account.CurrentPeriodEnd);
        Assert.Equal((movedInOn, movedInOn.AddMonths(1)), account.NextPeriod());

        await billing.RunAsync<RenewalJob>(DateTimeOffset.UtcNow.AddHours(1));
        var renewals = await billing.InvoicesAsync(accountId, InvoicePurposes.Renewal);
        var secondAgencys = Assert.Single(renewals, i => i.Id != firstAgencysInvoiceId);
        Assert.Equal(secondPartnerId, secondAgencys.PartnerId);
        Assert.Equal(movedInOn, secondAgencys.PeriodStart);
    }
}
