using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.ServiceDefaults.Clock;

namespace Reseller.Billing.Payments;

/// <summary>Finishes payment attempts left pending by a crash between recording and charging; the idempotency key makes it safe.</summary>
public sealed class PendingPaymentsJob(BillingDb db, ChargeProcessor charges) : IDueJob
{
    private const int BatchSize = 100;
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    public string Name => "pending_payments";

    public async Task<int> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - Grace;
        var stale = await db.Payments.AsNoTracking()
            .Where(p => p.Status == PaymentStatus.Pending && p.CreatedAt < cutoff)
            .OrderBy(p => p.CreatedAt)
            .Select(p => p.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var finished = 0;
        foreach (var id in stale)
        {
            finished += await charges.ProcessAsync(id, cancellationToken) ? 1 : 0;
        }
        return finished;
    }
}
