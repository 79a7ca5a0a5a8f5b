using System.Diagnostics;

using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.Billing.FollowedAccounts;
using Reseller.Billing.Invoices;
using Reseller.Billing.Prepaid;
using Reseller.Contracts.Billing;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Billing.Payments;

/// <summary>
/// Charges a recorded payment attempt and settles its invoice. The provider call happens outside any transaction with the
/// attempt's id as idempotency key; the outcome is recorded under a row lock, so whichever instance records first wins
/// and a repeat (a redelivery, the recovery job) neither charges twice nor announces twice.
/// </summary>
public sealed class ChargeProcessor(BillingDb db, IPaymentProvider provider, PrepaidPayments prepaid, TimeProvider clock, ILogger<ChargeProcessor> logger)
{
    /// <summary>The failure code of an attempt refused because its card is not the invoice's payer's.</summary>
    public const string NotPayersCard = "card_not_payers";

    public async Task<bool> ProcessAsync(Guid paymentId, CancellationToken cancellationToken)
    {
        var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == paymentId && p.Status == PaymentStatus.Pending, cancellationToken);
        if (payment is null)
        {
            return false;
        }
        var card = await db.BillingProfiles.AsNoTracking().SingleAsync(p => p.Id == payment.BillingProfileId, cancellationToken);
        var billed = await db.Invoices.AsNoTracking().Where(i => i.Id == payment.InvoiceId)
            .Select(i => new { i.Payer, i.PartnerId, i.AccountId }).SingleAsync(cancellationToken);
        if (!card.MayPayFor(billed.Payer, billed.PartnerId, billed.AccountId))
        {
            // Whatever chose this card, the payer's invoice is never charged to someone else's card: the attempt fails as refused.
            logger.LogWarning("Payment {PaymentId}: billing profile {BillingProfileId} is not the {Payer} payer's; refused", payment.Id, card.Id, billed.Payer);
            return await RecordAsync(paymentId, ChargeResult.Failure(NotPayersCard), 0, cancellationToken);
        }
        var token = card.ProviderToken;
        var started = Stopwatch.GetTimestamp();
        // Prepaid credit pays first (Billing/Prepaid); the card is charged only for the rest.
        var fromPrepaid = await prepaid.ReserveAsync(payment, token, cancellationToken);
        var result = fromPrepaid == payment.Amount
            ? ChargeResult.Success("prepaid")
            : await provider.ChargeAsync(token, payment.Amount - fromPrepaid, payment.Currency, payment.Id.ToString("N"), cancellationToken);
        BillingMetrics.ChargeDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        return await RecordAsync(paymentId, result, fromPrepaid, cancellationToken);
    }

    /// <summary>
    /// A charge held for 3-D Secure that the payer then authenticated (Stripe's webhook): the attempt succeeds and its
    /// invoice is paid, if it is still open for exactly that amount. False when nothing was recorded (already settled, or the
    /// invoice was meanwhile paid otherwise): the caller gives that money back.
    /// </summary>
    public async Task<bool> RecordAuthenticatedAsync(Guid paymentId, string providerChargeId, long amount, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var payment = await db.Payments.FromSql($"SELECT * FROM payments WHERE id = {paymentId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (payment is null || !payment.AwaitsAuthentication)
        {
            return false;
        }
        var invoice = await db.Invoices.SingleAsync(i => i.Id == payment.InvoiceId, cancellationToken);
        if (invoice.Status != InvoiceStatus.Open || invoice.AmountDue != amount)
        {
            logger.LogWarning("Payment {PaymentId} was authenticated for {Amount} but invoice {InvoiceId} is {Status} with {Due} due", payment.Id, amount, invoice.Id, invoice.Status, invoice.AmountDue);
            return false;
        }
        var now = clock.GetUtcNow();
        payment.Authenticated(providerChargeId, now);
        invoice.PayByCard(amount, now);
        if (InvoicePeriods.CoversPeriod(invoice.Purpose) && invoice.AccountId is { } accountId && await db.BilledAccounts.FindAsync([accountId], cancellationToken) is { } account)
        {
            account.PeriodPaid(invoice.PeriodStart, invoice.PeriodEnd);
        }
        await prepaid.RecordPaidAsync(invoice, now, cancellationToken);
        db.Publish(InvoiceEvents.Paid(invoice), now);
        BillingMetrics.CountPayment(succeeded: true);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Invoice {InvoiceId} paid by card after the payer authenticated it", invoice.Id);
        return true;
    }

    /// <summary>Records one attempt's outcome in its own transaction; false when the attempt is no longer pending.</summary>
    public async Task<bool> RecordAsync(Guid paymentId, ChargeResult result, long fromPrepaid, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var payment = await db.Payments.FromSql($"SELECT * FROM payments WHERE id = {paymentId} FOR UPDATE").SingleAsync(cancellationToken);
        if (payment.Status != PaymentStatus.Pending)
        {
            return false;
        }
        var invoice = await db.Invoices.SingleAsync(i => i.Id == payment.InvoiceId, cancellationToken);
        var account = invoice.AccountId is { } accountId ? await db.BilledAccounts.FindAsync([accountId], cancellationToken) : null;
        await ApplyOutcomeAsync(payment, invoice, account, result, fromPrepaid, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Settles a pending attempt's tracked invoice (and account) from the provider's answer and adds the events; the caller
    /// holds the payment's row lock and saves and commits.
    /// </summary>
    public async Task ApplyOutcomeAsync(Payment payment, Invoice invoice, BilledAccount? account, ChargeResult result, long fromPrepaid, DateTimeOffset now, CancellationToken cancellationToken)
    {
        payment.Complete(result, now);

        if (result.Succeeded)
        {
            invoice.ApplyPrepaid(fromPrepaid);
            invoice.PayByCard(payment.Amount - fromPrepaid, now);
            if (InvoicePeriods.CoversPeriod(invoice.Purpose))
            {
                account?.PeriodPaid(invoice.PeriodStart, invoice.PeriodEnd);
            }
            await prepaid.RecordPaidAsync(invoice, now, cancellationToken);
            db.Publish(InvoiceEvents.Paid(invoice), now);
            BillingMetrics.CountPayment(succeeded: true);
            logger.LogInformation("Invoice {InvoiceId} paid by card", invoice.Id);
        }
        else
        {
            var final = invoice.RegisterFailedCharge(now, retryable: invoice.Purpose == InvoicePurposes.Renewal);
            if (InvoicePeriods.CoversPeriod(invoice.Purpose))
            {
                account?.ChargeFailed(final);
            }
            db.Publish(InvoiceEvents.Failed(invoice, result.FailureCode ?? "charge_failed", now, final), now);
            BillingMetrics.CountPayment(succeeded: false);
            logger.LogInformation("Invoice {InvoiceId} card payment failed: {FailureCode}", invoice.Id, result.FailureCode);
        }

        prepaid.Settle(payment, invoice, fromPrepaid, result.Succeeded, now);
    }
}
