using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.Billing.Payments;
using Reseller.ServiceDefaults.Clock;

namespace Reseller.Billing.CreditNotes;

/// <summary>Makes the card refunds a crash or a timeout left undone after their credit note committed; the note's id keeps each one single.</summary>
public sealed class PendingRefundsJob(BillingDb db, CardRefunds refunds, IPaymentProvider provider) : IDueJob
{
    public string Name => "pending_refunds";

    public Task<int> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        UndoneRefunds.RedoAsync(provider, now,
            (oldest, cutoff) => db.CreditNotes.AsNoTracking()
                .Where(CreditNote.AwaitingCardRefund)
                .Where(c => c.IssuedAt < cutoff && c.IssuedAt >= oldest)
                .OrderBy(c => c.IssuedAt)
                .Select(c => c.Id),
            refunds.RefundAsync, cancellationToken);
}
