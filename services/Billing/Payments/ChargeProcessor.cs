using System.Diagnostics;

using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.Billing.FollowedAccounts;
using Reseller.Billing.Invoices;
using Reseller.Billing.Prepaid;
using Reseller.Billing.Profiles;
using Reseller.Contracts.Billing;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Billing.Payments;

/// <summary>
/// Charges a recorded payment attempt and settles its invoice. The provider call happens outside any transaction with the
/// attempt's id as idempotency key; the outcome is recorded under a row lock, so whichever instance records first wins
/// and a repeat (a redelivery, the recovery job) neither charges twice nor announces twice.
/// </summary>
public sealed class ChargeProcessor(
    BillingDb db,
    IPaymentProvider provider,
    PrepaidPayments prepaid,
    UnmatchedChargeRefunds refunds,
    TimeProvider clock,
    ILogger<ChargeProcessor> logger)
{
    /// <summary>The failure code of an attempt refused because its card is not the invoice's payer's.</summary>
    public const string NotPayersCard = "card_not_payers";

    /// <summary>The failure code of an attempt refused because its payer deleted the card since it was chosen.</summary>
    public const string CardRemoved = "card_removed";

    /// <summary>
    /// The failure code of an attempt never sent because its invoice was settled otherwise first (paid, voided by a take-back
    /// or a move): sent, the card was charged and then refunded, both on the payer's statement.
    /// </summary>
    public const string InvoiceSettled = "invoice_settled";

    /// <summary>
    /// The failure code of an attempt to be paid by prepaid credit alone whose hold lapsed while it took long (Credits gave
    /// the credit back after 15 minutes): the invoice stays open, and dunning charges it again.
    /// </summary>
    public const string PrepaidLapsed = "prepaid_lapsed";

    /// <summary>
    /// Why <paramref name="card"/> may not be charged for an invoice of this payer: deleted by its owner (it may still be named by
    /// an attempt made before, a dunning retry, or an account whose client took over paying), or not the payer's; null when it may.
    /// </summary>
    public static string? RefusalOf(BillingProfile card, string payer, Guid partnerId, Guid? accountId) =>
        card.DeletedAt is not null ? CardRemoved
        : card.MayPayFor(payer, partnerId, accountId) ? null
        : NotPayersCard;

    public async Task<bool> ProcessAsync(Guid paymentId, CancellationToken cancellationToken)
    {
        var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == paymentId && p.Status == PaymentStatus.Pending, cancellationToken);
        if (payment is null)
        {
            return false;
        }
        if (!provider.MayRepeat(payment.CreatedAt, clock.GetUtcNow()))
        {
            // Past the provider's key, a repeat could be a second charge (a late webhook of an attempt long pending): left to an operator.
            logger.LogError("Payment {PaymentId}: pending since {CreatedAt}, past the provider's idempotency window; not charged again", payment.Id, payment.CreatedAt);
            return false;
        }
        var card = await db.BillingProfiles.AsNoTracking().SingleAsync(p => p.Id == payment.BillingProfileId, cancellationToken);
        var billed = await db.Invoices.AsNoTracking().Where(i => i.Id == payment.InvoiceId)
            .Select(i => new { i.Payer, i.PartnerId, i.AccountId, i.Status }).SingleAsync(cancellationToken);
        if (payment.PrepaidAmount is null && billed.Status != InvoiceStatus.Open)
        {
            logger.LogInformation("Payment {PaymentId}: its invoice is {Status} before the card was charged; not sent", payment.Id, billed.Status);
            return await RecordAsync(paymentId, ChargeResult.Failure(InvoiceSettled), 0, cancellationToken);
        }
        // Checked before the attempt's first call to the provider only (its prepaid part is fixed just before it): a repeat of
        // an attempt whose answer was lost asks the provider again under its key, or a charge taken would be recorded as
        // failed and its invoice charged again on another card.
        if (payment.PrepaidAmount is null && RefusalOf(card, billed.Payer, billed.PartnerId, billed.AccountId) is { } refusal)
        {
            // Whatever chose this card, the payer's invoice is never charged to someone else's card, nor to one its owner deleted.
            logger.LogWarning("Payment {PaymentId}: billing profile {BillingProfileId} may not pay the {Payer} payer's invoice ({Refusal}); refused", payment.Id, card.Id, billed.Payer, refusal);
            return await RecordAsync(paymentId, ChargeResult.Failure(refusal), 0, cancellationToken);
        }
        var token = card.ProviderToken;
        var started = Stopwatch.GetTimestamp();
        // Prepaid credit pays first (Billing/Prepaid); the card is charged only for the rest.
        var part = await prepaid.ReserveAsync(payment, token, cancellationToken);
        var byCard = payment.Amount - part.Fixed;
        var result = byCard == 0
            ? part.Lapsed ? ChargeResult.Failure(PrepaidLapsed) : ChargeResult.Success("prepaid")
            : await provider.ChargeAsync(token, byCard, payment.Currency, payment.Id.ToString("N"), cancellationToken);
        BillingMetrics.ChargeDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        // A lapsed prepaid part pays nothing: a card part taken beside it no longer matches the invoice and is refunded.
        return await RecordAsync(paymentId, result, part.Held, cancellationToken, byCard);
    }

    /// <summary>
    /// A charge held for 3-D Secure that the payer then authenticated (Stripe's webhook): the attempt succeeds and, with its
    /// prepaid part reserved again, pays its invoice when that is still open for exactly that sum; otherwise the card part is
    /// refunded and the prepaid part given back (<see cref="SettleChargeAsync"/>).
    /// False when nothing was recorded (the attempt does not await authentication: already settled).
    /// </summary>
    public async Task<bool> RecordAuthenticatedAsync(Guid paymentId, string providerChargeId, long amount, CancellationToken cancellationToken)
    {
        var held = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == paymentId, cancellationToken);
        if (held is not { AwaitsAuthentication: true })
        {
            return false;
        }
        // The card part was authenticated; the prepaid part beside it was given back when the bank held the charge.
        var fromPrepaid = await prepaid.ReserveForAuthenticatedAsync(held, cancellationToken);
        db.ChangeTracker.Clear();
        bool unmatched;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var payment = await db.Payments.FromSql($"SELECT * FROM payments WHERE id = {paymentId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
            if (payment is null || !payment.AwaitsAuthentication)
            {
                // Another delivery of the event recorded it first, and settled the same reservation with it.
                return false;
            }
            var invoice = await db.Invoices.SingleAsync(i => i.Id == payment.InvoiceId, cancellationToken);
            var account = invoice.AccountId is { } accountId ? await db.BilledAccounts.FindAsync([accountId], cancellationToken) : null;
            var now = clock.GetUtcNow();
            payment.Authenticated(providerChargeId, now);
            var paid = await SettleChargeAsync(payment, invoice, account, fromPrepaid, amount, now, cancellationToken);
            prepaid.Settle(payment.AuthenticatedReservationId, invoice, fromPrepaid, paid, now);
            unmatched = !paid;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        if (unmatched)
        {
            await refunds.RefundEachAsync([paymentId], cancellationToken);
        }
        return true;
    }

    /// <summary>
    /// Records one attempt's outcome in its own transaction; false when the attempt is no longer pending. The card took
    /// <paramref name="byCard"/> when it succeeded (by default the rest of the attempt's amount).
    /// </summary>
    public async Task<bool> RecordAsync(Guid paymentId, ChargeResult result, long fromPrepaid, CancellationToken cancellationToken, long? byCard = null)
    {
        db.ChangeTracker.Clear();
        bool unmatched;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var payment = await db.Payments.FromSql($"SELECT * FROM payments WHERE id = {paymentId} FOR UPDATE").SingleAsync(cancellationToken);
            if (payment.Status != PaymentStatus.Pending)
            {
                return false;
            }
            var invoice = await db.Invoices.SingleAsync(i => i.Id == payment.InvoiceId, cancellationToken);
            var account = invoice.AccountId is { } accountId ? await db.BilledAccounts.FindAsync([accountId], cancellationToken) : null;
            await ApplyOutcomeAsync(payment, invoice, account, result, fromPrepaid, clock.GetUtcNow(), cancellationToken, byCard);
            unmatched = payment.AwaitsRefund;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        if (unmatched)
        {
            await refunds.RefundEachAsync([paymentId], cancellationToken);
        }
        return true;
    }

    /// <summary>
    /// Settles a pending attempt's tracked invoice (and account) from the provider's answer and adds the events; the caller
    /// holds the payment's row lock, saves and commits, and then refunds the attempt if it <see cref="Payment.AwaitsRefund"/>.
    /// </summary>
    public async Task ApplyOutcomeAsync(Payment payment, Invoice invoice, BilledAccount? account, ChargeResult result, long fromPrepaid, DateTimeOffset now,
        CancellationToken cancellationToken, long? byCard = null)
    {
        payment.Complete(result, fromPrepaid, now);

        var paid = false;
        if (result.Succeeded)
        {
            paid = await SettleChargeAsync(payment, invoice, account, fromPrepaid, byCard ?? payment.Amount - fromPrepaid, now, cancellationToken);
            if (!paid && invoice.Status == InvoiceStatus.Open)
            {
                // Taken but not the invoice's whole (its prepaid hold lapsed while it took long), so refunded: the invoice is
                // still owed and goes on in dunning like any failed charge. Left unregistered, nothing ever charged it again
                // and its period ran unpaid for good.
                FailedCharges.Register(db, invoice, account, PrepaidLapsed, now);
            }
        }
        else if (ClosedWhileCharging(invoice, account))
        {
            invoice.Void();
            db.CountOnCommit(() => BillingMetrics.CountPayment(PaymentOutcomes.Failed));
            logger.LogInformation("Payment {PaymentId} failed ({FailureCode}) on invoice {InvoiceId} of account {AccountId}, which closed meanwhile; the invoice is voided",
                payment.Id, result.FailureCode, invoice.Id, invoice.AccountId);
        }
        else if (invoice.Status != InvoiceStatus.Open)
        {
            // The invoice was settled otherwise while this attempt was in flight: its failure changes nothing more.
            db.CountOnCommit(() => BillingMetrics.CountPayment(PaymentOutcomes.Failed));
            logger.LogInformation("Payment {PaymentId} failed ({FailureCode}) on invoice {InvoiceId}, which is meanwhile {Status}", payment.Id, result.FailureCode, invoice.Id, invoice.Status);
        }
        else
        {
            FailedCharges.Register(db, invoice, account, result.FailureCode ?? "charge_failed", now);
            db.CountOnCommit(() => BillingMetrics.CountPayment(PaymentOutcomes.Failed));
            logger.LogInformation("Invoice {InvoiceId} card payment failed: {FailureCode}", invoice.Id, result.FailureCode);
        }

        prepaid.Settle(payment.Id, invoice, fromPrepaid, paid, now);
    }

    /// <summary>
    /// Whether the account of this open period invoice closed (moved out of its agency, expired) while its charge was in
    /// flight, or, for a renewal, was cancelled before the period it renews into: the move-out or expiry voided the account's
    /// other open invoices and left this one to its charge, which now voids it too; a charge taken is refunded (a cancelled
    /// account would otherwise pay for a period after the one it ends with). Only a renewal: a plan change may start a
    /// period on an account whose expiry Billing has not yet heard of, and that one is wanted. A proration too, when it is
    /// for a period the closed account never paid (an upgrade on a renewal in dunning): the paid ones were given back as it
    /// closed (<see cref="CreditNotes.UnrunPeriodProrations"/>), and this one must not be kept either. A period invoice also
    /// when the account moved out and into another partner meanwhile, as if the move-in had not been heard yet: it is the
    /// former partner's, for a period the account spends with the new one, billed from the anniversary its move-in gave it.
    /// (A proration the former partner made is still its own, as after a move-out alone: it upgraded a period it paid.)
    /// </summary>
    public static bool ClosedWhileCharging(Invoice invoice, BilledAccount? account) =>
        invoice.Status == InvoiceStatus.Open && account is not null && invoice.Purpose switch
        {
            InvoicePurposes.Renewal => account.EndsBefore(invoice.PeriodStart) || account.IsClosedFor(invoice.PartnerId),
            InvoicePurposes.Proration => account.NeverRan(invoice.PeriodStart),
            _ => InvoicePeriods.CoversPeriod(invoice.Purpose) && account.IsClosedFor(invoice.PartnerId),
        };

    /// <summary>
    /// The one place that decides what a charge the provider took does: it pays its invoice if that is still open for exactly
    /// <paramref name="fromPrepaid"/> plus <paramref name="byCard"/>; otherwise (paid another way, voided, another amount) the
    /// attempt becomes <see cref="PaymentStatus.Unmatched"/>, to be refunded once committed. True when the invoice got paid.
    /// </summary>
    private async Task<bool> SettleChargeAsync(Payment payment, Invoice invoice, BilledAccount? account, long fromPrepaid, long byCard, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (ClosedWhileCharging(invoice, account))
        {
            // Paid, the period would reopen an account that is no longer sold (and renew it every period after).
            invoice.Void();
        }
        if (invoice.Status != InvoiceStatus.Open || invoice.AmountDue != fromPrepaid + byCard)
        {
            payment.Unmatched(byCard);
            db.CountOnCommit(() => BillingMetrics.CountPayment(PaymentOutcomes.Unmatched));
            logger.LogWarning("Payment {PaymentId} charged {Amount} but invoice {InvoiceId} is {Status} with {Due} due; the charge is refunded",
                payment.Id, byCard, invoice.Id, invoice.Status, invoice.AmountDue);
            return false;
        }
        invoice.ApplyPrepaid(fromPrepaid);
        invoice.PayByCard(byCard, now);
        if (InvoicePeriods.CoversPeriod(invoice.Purpose))
        {
            account?.PeriodPaid(invoice.PeriodStart, invoice.PeriodEnd);
        }
        await prepaid.RecordPaidAsync(invoice, now, cancellationToken);
        db.Publish(InvoiceEvents.Paid(invoice), now);
        db.CountOnCommit(() => BillingMetrics.CountPayment(PaymentOutcomes.Succeeded));
        logger.LogInformation("Invoice {InvoiceId} paid by card", invoice.Id);
        return true;
    }
}
