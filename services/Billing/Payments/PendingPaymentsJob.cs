using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.ServiceDefaults.Clock;

namespace Reseller.Billing.Payments;

/// <summary>
/// Finishes payment attempts left pending by a crash between recording and charging; the idempotency key makes it safe.
/// A crashed renewal batch can leave hundreds pending: they are finished a batch at a time until none is left. An attempt
/// older than the provider keeps its key is never sent again, since the provider might then charge a second time: it is left
/// pending (its invoice unpaid, no second attempt) for an operator to reconcile with the provider
/// (<see cref="UnreconciledPaymentsGaugeSource"/> counts them).
/// </summary>
public sealed class PendingPaymentsJob(BillingDb db, BatchChargeProcessor charges, IPaymentProvider provider) : IDueJob
{
    private const int BatchSize = 500;
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    public string Name => "pending_payments";

    public async Task<int> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - Grace;
        var oldest = provider.OldestRetriableAt(now);
        var finished = 0;
        var after = Guid.Empty;
        while (true)
        {
            // Keyset over the ids, so an attempt another instance is finishing at the same time is never fetched twice here.
            var stale = await db.Payments.AsNoTracking()
                .Where(p => p.Status == PaymentStatus.Pending && p.CreatedAt < cutoff && p.CreatedAt >= oldest && p.Id.CompareTo(after) > 0)
                .OrderBy(p => p.Id)
                .Select(p => p.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (stale.Count == 0)
            {
                return finished;
            }
            finished += await charges.ProcessAsync(stale, cancellationToken);
            after = stale[^1];
        }
    }

}
