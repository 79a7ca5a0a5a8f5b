using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.ServiceDefaults.Clock;

namespace Reseller.Billing.Payments;

/// <summary>Makes the refunds of unmatched charges that a crash or a timeout left undone; the attempt's id keeps each one single.</summary>
public sealed class PendingChargeRefundsJob(BillingDb db, UnmatchedChargeRefunds refunds, IPaymentProvider provider) : IDueJob
{
    private const int BatchSize = 100;
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    public string Name => "pending_charge_refunds";

    public async Task<int> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - Grace;
        var oldest = provider.OldestRetriableAt(now);
        var due = await db.Payments.AsNoTracking()
            .Where(Payment.AwaitingRefund)
            .Where(p => p.CompletedAt < cutoff && p.CompletedAt >= oldest)
            .OrderBy(p => p.CompletedAt)
            .Select(p => p.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var made = 0;
        foreach (var id in due)
        {
            made += await refunds.RefundAsync(id, cancellationToken) ? 1 : 0;
        }
        return made;
    }
}
