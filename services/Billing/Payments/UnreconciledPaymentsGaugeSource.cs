using Microsoft.EntityFrameworkCore;

using Reseller.Billing.CreditNotes;
using Reseller.Billing.Data;
using Reseller.ServiceDefaults.Telemetry;

namespace Reseller.Billing.Payments;

/// <summary>
/// Counts the payment attempts still pending, and the card refunds still unsettled, after the provider may have forgotten their
/// idempotency key (<see cref="IPaymentProvider.IdempotencyWindow"/>): <see cref="PendingPaymentsJob"/> and the refund jobs no
/// longer send them, as a repeat could charge or refund twice, so each needs an operator to reconcile it with the provider.
/// Always 0 with a provider that keeps keys for ever.
/// </summary>
public sealed class UnreconciledPaymentsGaugeSource(IPaymentProvider provider, TimeProvider clock) : IGaugeSource
{
    public async Task RefreshAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var oldest = provider.OldestRetriableAt(clock.GetUtcNow());
        if (oldest == DateTimeOffset.MinValue)
        {
            BillingMetrics.UnreconciledPaymentsReadings.Set(0);
            return;
        }
        BillingMetrics.UnreconciledPaymentsReadings.Set(await CountAsync(services.GetRequiredService<BillingDb>(), oldest, cancellationToken));
    }

    /// <summary>The attempts and refunds decided before <paramref name="oldest"/> and still not settled.</summary>
    public static async Task<long> CountAsync(BillingDb db, DateTimeOffset oldest, CancellationToken cancellationToken)
    {
        var charges = await db.Payments.AsNoTracking()
            .LongCountAsync(p => p.Status == PaymentStatus.Pending && p.CreatedAt < oldest, cancellationToken);
        var chargeRefunds = await db.Payments.AsNoTracking().Where(Payment.AwaitingRefund)
            .LongCountAsync(p => p.CompletedAt < oldest, cancellationToken);
        var noteRefunds = await db.CreditNotes.AsNoTracking().Where(CreditNote.AwaitingCardRefund)
            .LongCountAsync(c => c.IssuedAt < oldest, cancellationToken);
        return charges + chargeRefunds + noteRefunds;
    }
}
