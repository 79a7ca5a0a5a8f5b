using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.Billing.Payments;
using Reseller.ServiceDefaults.Clock;

namespace Reseller.Billing.CreditNotes;

/// <summary>Makes the card refunds a crash or a timeout left undone after their credit note committed; the note's id keeps each one single.</summary>
public sealed class PendingRefundsJob(BillingDb db, CardRefunds refunds, IPaymentProvider provider) : IDueJob
{
    private const int BatchSize = 100;
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    public string Name => "pending_refunds";

    public async Task<int> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - Grace;
        var oldest = provider.OldestRetriableAt(now);
        var due = await db.CreditNotes.AsNoTracking()
            .Where(CreditNote.AwaitingCardRefund)
            .Where(c => c.IssuedAt < cutoff && c.IssuedAt >= oldest)
            .OrderBy(c => c.IssuedAt)
            .Select(c => c.Id)
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
