using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;

namespace Reseller.Billing.Payments;

/// <summary>
/// Gives back a charge the provider took for an invoice that no longer needed it (<see cref="PaymentStatus.Unmatched"/>),
/// keyed by the attempt so a repeat (after a timeout, a crash, from <see cref="PendingChargeRefundsJob"/>) is the same
/// refund; the answer is recorded under the attempt's row lock, once. Never sent again once the provider may have forgotten
/// its key (<see cref="IPaymentProvider.MayRepeat"/>).
/// </summary>
public sealed class UnmatchedChargeRefunds(BillingDb db, IRefunds refunds, IPaymentProvider provider, TimeProvider clock, ILogger<UnmatchedChargeRefunds> logger)
{
    public async Task<bool> RefundAsync(Guid paymentId, CancellationToken cancellationToken)
    {
        var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == paymentId, cancellationToken);
        if (payment is not { AwaitsRefund: true, ProviderChargeId: { } charge, CompletedAt: { } unmatchedAt })
        {
            return false;
        }
        if (!provider.MayRepeat(unmatchedAt, clock.GetUtcNow()))
        {
            logger.LogError("Payment {PaymentId}: the refund of its unmatched charge of {Amount} is unsettled since {CompletedAt}, past the provider's idempotency window; not sent again, reconcile it by hand",
                paymentId, payment.RefundAmount, unmatchedAt);
            return false;
        }
        var result = await refunds.RefundAsync(charge, payment.RefundAmount, payment.Currency, payment.RefundIdempotencyKey, cancellationToken);
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await db.Payments.FromSql($"SELECT * FROM payments WHERE id = {paymentId} FOR UPDATE").SingleAsync(cancellationToken);
        if (!locked.AwaitsRefund)
        {
            return false;
        }
        locked.Refunded(result, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (result.Succeeded)
        {
            logger.LogInformation("Payment {PaymentId}: its unmatched charge of {Amount} was refunded ({RefundId})", paymentId, payment.RefundAmount, result.ProviderRefundId);
        }
        else
        {
            logger.LogError("Payment {PaymentId}: the provider refused to refund its unmatched charge of {Amount} ({FailureCode}); refund it by hand",
                paymentId, payment.RefundAmount, result.FailureCode);
        }
        return true;
    }

    /// <summary>Refunds each of these attempts that awaits it; a failure leaves the rest to the recovery job.</summary>
    public async Task RefundEachAsync(IEnumerable<Guid> paymentIds, CancellationToken cancellationToken)
    {
        foreach (var paymentId in paymentIds)
        {
            try
            {
                await RefundAsync(paymentId, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Payment {PaymentId}: refunding its unmatched charge failed; the recovery job retries it", paymentId);
            }
        }
    }
}
