using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.Billing.Invoices;
using Reseller.Billing.Payments;
using Reseller.Billing.Purchases;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.Contracts.Credits;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Billing.Prepaid;

/// <summary>
/// The prepaid part of a charge. Before the card, the partner's prepaid credit is reserved in Credits (earmarked for the
/// account first, then general) under the payment attempt's id, so a repeated attempt gets the same reservation; the card
/// is then authorised for 100 cents and released (a failed authorisation does not stop the charge). Once the outcome is
/// recorded, the reservation is committed (paid) or released (card failed) by an event in the same transaction.
/// </summary>
public sealed class PrepaidPayments(BillingDb db, IPrepaidCredit credits, IPaymentProvider provider, TimeProvider clock, ILogger<PrepaidPayments> logger)
{
    public const long AuthorizationAmount = 100;

    /// <summary>
    /// How old a repeated attempt is before Credits is asked whether it still holds the attempt's prepaid part (and restarts
    /// the hold): well inside Credits' 15-minute hold, so a charge retried now and then never lets it lapse.
    /// </summary>
    public static readonly TimeSpan AskAgainAfter = TimeSpan.FromMinutes(5);

    public async Task<PrepaidPart> ReserveAsync(Payment payment, string cardToken, CancellationToken cancellationToken)
    {
        if (payment.PrepaidAmount is { } fixedBefore)
        {
            // A repeat (the recovery job, Stripe's webhook): the card is asked for the same rest as the first time, whatever
            // Credits holds now.
            return fixedBefore > 0 && clock.GetUtcNow() - payment.CreatedAt >= AskAgainAfter
                ? new PrepaidPart(fixedBefore, await StillHeldAsync(payment, fixedBefore, cancellationToken))
                : PrepaidPart.Whole(fixedBefore);
        }
        var invoice = await db.Invoices.AsNoTracking().SingleAsync(i => i.Id == payment.InvoiceId, cancellationToken);
        if (!await MayUsePrepaidAsync(invoice, cancellationToken))
        {
            // Fixed too: a repeat after a lost answer asks the card for the same whole amount, even if the partner bought
            // prepaid credit meanwhile (the same key with another amount is refused by the provider, and the attempt stuck).
            return PrepaidPart.Whole(await FixAsync(payment.Id, 0, cancellationToken));
        }
        long reserved;
        var answered = true;
        try
        {
            reserved = await credits.ReserveAsync(
                new ReservePrepaidCredit(payment.Id, invoice.PartnerId, invoice.AccountId, invoice.Id, payment.Amount, payment.Currency), cancellationToken);
        }
        catch (Exception ex) when (ex is MassTransit.RequestTimeoutException or MassTransit.RequestFaultException)
        {
            // Credits did not answer: charge the card for everything, and release whatever Credits may still reserve.
            logger.LogWarning(ex, "Prepaid reservation for payment {PaymentId} got no answer; charging the card", payment.Id);
            (reserved, answered) = (0, false);
        }
        reserved = await FixAsync(payment.Id, reserved, cancellationToken);
        if (!answered && reserved == 0)
        {
            // Only when nothing is fixed: a concurrent repeat of the attempt (the recovery job) answered and fixed its prepaid
            // part first, and that part pays the invoice; released, the invoice would be paid with credit Credits gave back.
            db.ChangeTracker.Clear();
            db.Publish(new PrepaidReservationReleased(payment.Id, invoice.PartnerId, clock.GetUtcNow()), clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
        if (reserved > 0)
        {
            await CheckCardAsync(payment, cardToken, cancellationToken);
        }
        return PrepaidPart.Whole(reserved);
    }

    /// <summary>
    /// Asks Credits again for the attempt's reservation (the same request, so it creates nothing): what it still holds, the
    /// hold restarted; 0 when its sweeper released it after 15 minutes and the partner's credit may be spent since.
    /// Credits not answering is a 503: the attempt stays pending and is tried again.
    /// </summary>
    private async Task<long> StillHeldAsync(Payment payment, long fixedBefore, CancellationToken cancellationToken)
    {
        var held = await ReserveOrUnavailableAsync(payment, payment.Id, payment.Amount, cancellationToken);
        if (held == fixedBefore)
        {
            return held;
        }
        logger.LogWarning("Payment {PaymentId}: its prepaid part of {Fixed} is no longer held ({Held}); the attempt cannot pay its invoice whole", payment.Id, fixedBefore, held);
        return 0;
    }

    /// <summary>
    /// Records that attempts about to charge the card alone have no prepaid part (see <see cref="ReserveAsync"/>); answers
    /// those that have none, leaving out any whose part a concurrent repeat fixed first.
    /// </summary>
    public async Task<IReadOnlySet<Guid>> FixNoPrepaidAsync(IReadOnlyCollection<Guid> paymentIds, CancellationToken cancellationToken)
    {
        if (paymentIds.Count == 0)
        {
            return new HashSet<Guid>();
        }
        var ids = paymentIds.ToArray();
        return (await db.Database.SqlQuery<Guid>($"""
            WITH fixed AS (UPDATE payments SET prepaid_amount = 0 WHERE id = ANY({ids}) AND prepaid_amount IS NULL RETURNING id)
            SELECT id AS "Value" FROM fixed
            UNION ALL SELECT id FROM payments WHERE id = ANY({ids}) AND prepaid_amount = 0
            """).ToListAsync(cancellationToken)).ToHashSet();
    }

    /// <summary>Records the attempt's prepaid part before its card is charged; a concurrent repeat that fixed it first wins.</summary>
    private async Task<long> FixAsync(Guid paymentId, long reserved, CancellationToken cancellationToken) =>
        (await db.Database.SqlQuery<long>($"""
            UPDATE payments SET prepaid_amount = COALESCE(prepaid_amount, {reserved}) WHERE id = {paymentId} RETURNING prepaid_amount AS "Value"
            """).ToListAsync(cancellationToken)).Single();

    /// <summary>
    /// The payer authenticated a charge its bank held for 3-D Secure, and the card part alone does not pay the invoice: the
    /// attempt's prepaid part, given back when the charge was held, is reserved again (<see cref="Payment.AuthenticatedReservationId"/>).
    /// Less than asked when the partner spent that credit meanwhile. Credits not answering is a 503, so Stripe sends the event again.
    /// </summary>
    public async Task<long> ReserveForAuthenticatedAsync(Payment payment, CancellationToken cancellationToken)
    {
        if (payment.PrepaidAmount is not > 0)
        {
            return 0;
        }
        return await ReserveOrUnavailableAsync(payment, payment.AuthenticatedReservationId, payment.PrepaidAmount.Value, cancellationToken);
    }

    /// <summary>
    /// Asks Credits to hold up to <paramref name="amount"/> for the attempt under <paramref name="reservationId"/> (a repeat
    /// answers what that reservation holds); Credits not answering is a 503, so the caller's request is tried again.
    /// </summary>
    private async Task<long> ReserveOrUnavailableAsync(Payment payment, Guid reservationId, long amount, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.AsNoTracking().Where(i => i.Id == payment.InvoiceId).Select(i => new { i.PartnerId, i.AccountId }).SingleAsync(cancellationToken);
        try
        {
            return await credits.ReserveAsync(
                new ReservePrepaidCredit(reservationId, invoice.PartnerId, invoice.AccountId, payment.InvoiceId, amount, payment.Currency), cancellationToken);
        }
        catch (Exception ex) when (ex is MassTransit.RequestTimeoutException or MassTransit.RequestFaultException)
        {
            logger.LogWarning(ex, "Prepaid reservation {ReservationId} of payment {PaymentId} got no answer", reservationId, payment.Id);
            throw DependencyFailures.Unavailable();
        }
    }

    /// <summary>
    /// Within the transaction that records the outcome: spends the reservation if the invoice got paid, else gives it back.
    /// </summary>
    public void Settle(Guid reservationId, Invoice invoice, long fromPrepaid, bool paid, DateTimeOffset now)
    {
        if (fromPrepaid <= 0)
        {
            return;
        }
        if (paid)
        {
            db.Publish(new PrepaidReservationCommitted(reservationId, invoice.PartnerId, invoice.Id, fromPrepaid, now), now);
        }
        else
        {
            db.Publish(new PrepaidReservationReleased(reservationId, invoice.PartnerId, now), now);
        }
    }

    /// <summary>
    /// Within the transaction that records a paid invoice: a paid prepaid pack makes its partner a prepaid buyer, once
    /// (a concurrent second pack finds the row and changes nothing).
    /// </summary>
    public async Task RecordPaidAsync(Invoice invoice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (invoice.Purpose == InvoicePurposes.CreditPurchase && CreditPackInvoices.IsPrepaidPack(invoice))
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO prepaid_buyers (partner_id, first_paid_at) VALUES ({invoice.PartnerId}, {now.ToUniversalTime()}) ON CONFLICT (partner_id) DO NOTHING",
                cancellationToken);
        }
    }

    /// <summary>Of these partners, those who have ever bought prepaid credit, in one query (a batch of charges).</summary>
    public async Task<HashSet<Guid>> BuyersAmongAsync(IReadOnlyCollection<Guid> partnerIds, CancellationToken cancellationToken) =>
        partnerIds.Count == 0
            ? []
            : [.. await db.PrepaidBuyers.AsNoTracking().Where(b => partnerIds.Contains(b.PartnerId)).Select(b => b.PartnerId).ToListAsync(cancellationToken)];

    /// <summary>Partner-paid invoices only, never a prepaid pack itself, and only for a partner who has ever bought prepaid credit.</summary>
    public static bool MayUsePrepaid(Invoice invoice, bool partnerBoughtPrepaid) =>
        invoice.Payer == Payers.Partner && !CreditPackInvoices.IsPrepaidPack(invoice) && partnerBoughtPrepaid;

    private async Task<bool> MayUsePrepaidAsync(Invoice invoice, CancellationToken cancellationToken) =>
        MayUsePrepaid(invoice, partnerBoughtPrepaid: true)
        && await db.PrepaidBuyers.AsNoTracking().AnyAsync(b => b.PartnerId == invoice.PartnerId, cancellationToken);

    private async Task CheckCardAsync(Payment payment, string cardToken, CancellationToken cancellationToken)
    {
        var authorization = await provider.AuthorizeAsync(cardToken, AuthorizationAmount, payment.Currency, $"auth_{payment.Id:N}", cancellationToken);
        if (authorization is { Succeeded: true, ProviderChargeId: { } id })
        {
            await provider.ReleaseAuthorizationAsync(id, cancellationToken);
        }
        else
        {
            logger.LogInformation("Card authorisation for payment {PaymentId} failed ({FailureCode}); the charge goes on", payment.Id, authorization.FailureCode);
        }
    }
}
