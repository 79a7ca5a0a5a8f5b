using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.Billing.Payments;

namespace Reseller.Billing.CreditNotes;

/// <summary>
/// Gives a credit note's card part back through the provider, keyed by the note's id so a repeat (after a timeout, a crash,
/// from the recovery job) is the same refund; the answer is recorded under a row lock, once. A refund still unsettled once the
/// provider may have forgotten its key is never sent again: a repeat could refund twice (<see cref="IPaymentProvider.MayRepeat"/>).
/// </summary>
public sealed class CardRefunds(BillingDb db, IRefunds refunds, IPaymentProvider provider, TimeProvider clock, ILogger<CardRefunds> logger)
{
    /// <summary>
    /// The refund of a note just committed. A provider that cannot be reached, or whose answer is lost, leaves the refund to
    /// <see cref="PendingRefundsJob"/> under the same key: the note exists, so its caller has succeeded and must not answer
    /// as if it had failed (a client would then issue a second note and be refunded twice).
    /// </summary>
    public async Task RefundAfterCommitAsync(Guid creditNoteId, CancellationToken cancellationToken)
    {
        try
        {
            await RefundAsync(creditNoteId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Credit note {CreditNoteId}: the card refund did not get an answer; the recovery job makes it under the same key", creditNoteId);
        }
    }

    public async Task<bool> RefundAsync(Guid creditNoteId, CancellationToken cancellationToken)
    {
        var note = await db.CreditNotes.AsNoTracking().FirstOrDefaultAsync(c => c.Id == creditNoteId, cancellationToken);
        if (note is not { AwaitsCardRefund: true, RefundedCharge: { } charge })
        {
            return false;
        }
        if (!provider.MayRepeat(note.IssuedAt, clock.GetUtcNow()))
        {
            logger.LogError("Credit note {CreditNoteId}: its card refund of {Amount} is unsettled since {IssuedAt}, past the provider's idempotency window; not sent again, reconcile it by hand",
                note.Id, note.CardRefund, note.IssuedAt);
            return false;
        }
        var result = await refunds.RefundAsync(charge, note.CardRefund, note.Currency, $"refund_{note.Id:N}", cancellationToken);
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await db.CreditNotes.FromSql($"SELECT * FROM credit_notes WHERE id = {creditNoteId} FOR UPDATE").SingleAsync(cancellationToken);
        if (!locked.AwaitsCardRefund)
        {
            return false;
        }
        locked.CardRefunded(result, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (result.Succeeded)
        {
            logger.LogInformation("Credit note {CreditNoteId}: {Amount} refunded to the card ({RefundId})", note.Id, note.CardRefund, result.ProviderRefundId);
        }
        else
        {
            logger.LogError("Credit note {CreditNoteId}: the provider refused the card refund of {Amount} ({FailureCode}); refund it by hand", note.Id, note.CardRefund, result.FailureCode);
        }
        return true;
    }
}
