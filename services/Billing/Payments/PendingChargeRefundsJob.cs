using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.ServiceDefaults.Clock;

namespace Reseller.Billing.Payments;

/// <summary>Makes the refunds of unmatched charges that a crash or a timeout left undone; the attempt's id keeps each one single.</summary>
public sealed class PendingChargeRefundsJob(BillingDb db, UnmatchedChargeRefunds refunds, IPaymentProvider provider) : IDueJob
{
    public string Name => "pending_charge_refunds";

    public Task<int> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        UndoneRefunds.RedoAsync(provider, now,
            (oldest, cutoff) => db.Payments.AsNoTracking()
                .Where(Payment.AwaitingRefund)
                .Where(p => p.CompletedAt < cutoff && p.CompletedAt >= oldest)
                .OrderBy(p => p.CompletedAt)
                .Select(p => p.Id),
            refunds.RefundAsync, cancellationToken);
}
