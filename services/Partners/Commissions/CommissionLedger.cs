using Microsoft.EntityFrameworkCore;

using Reseller.Contracts.Billing;
using Reseller.Contracts.Partners;
using Reseller.Partners.Data;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Partners.Commissions;

/// <summary>
/// Writes earnings and reversals inside a consumer's inbox transaction. A partner's ledger and its monthly close take the
/// same per-partner lock, so an earning is either in a closed statement or in a month still open, never lost between.
/// </summary>
public sealed class CommissionLedger(PartnersDb db, TimeProvider clock, ILogger<CommissionLedger> logger)
{
    /// <summary>
    /// Earns on a paid invoice. An invoice of an account not yet seen created (its AccountCreated still on its way, even if
    /// a later event of it was consumed first) is refused while <paramref name="mayWait"/>, so the message is retried once
    /// Partners knows whether it is a referral.
    /// </summary>
    public async Task EarnAsync(InvoicePaid paid, bool mayWait, CancellationToken cancellationToken)
    {
        if (paid.AccountId is not { } accountId)
        {
            return;
        }
        if (mayWait && !await db.FollowedAccounts.AnyAsync(a => a.AccountId == accountId && a.CreatedAt != null, cancellationToken))
        {
            throw new AccountNotYetFollowedException(accountId);
        }
        var referral = await db.ReferralSignups.AsNoTracking()
            .FirstOrDefaultAsync(r => r.AccountId == accountId && r.PartnerId == paid.PartnerId, cancellationToken);
        // A share of what the partner's client paid for the service, not of the VAT collected on it for the state.
        if (EarningRules.For(paid.Total - paid.Tax, paid.Payer, paid.PaidAt, referral?.SignedUpAt) is not { } earned)
        {
            return;
        }
        await LockPartnerAsync(db, paid.PartnerId, cancellationToken);
        if (await db.Earnings.AnyAsync(e => e.InvoiceId == paid.InvoiceId && e.Kind != EarningKinds.Reversal, cancellationToken))
        {
            return;
        }
        var month = await OpenMonthAsync(paid.PartnerId, paid.PaidAt, cancellationToken);
        var earning = Earning.ForInvoice(paid.PartnerId, accountId, paid.InvoiceId, paid.Number, earned.Kind, paid.Total, earned.Amount, paid.Currency, month, paid.PaidAt);
        Record(earning);
        CommissionsMetrics.CountEarned(earned.Kind);
        logger.LogInformation("Partner {PartnerId} earned {Kind} {Amount} on invoice {InvoiceId}", paid.PartnerId, earned.Kind, earned.Amount, paid.InvoiceId);
        await ReverseEarlyCreditNotesAsync(earning, cancellationToken);
    }

    /// <summary>
    /// Takes back what a credit note credits of the invoice's earning. A note that finds nothing earned is kept: its invoice's
    /// payment may not have reached Partners yet (<see cref="EarlyCreditNote"/>).
    /// </summary>
    public async Task ReverseAsync(CreditNoteIssued note, CancellationToken cancellationToken)
    {
        await LockPartnerAsync(db, note.PartnerId, cancellationToken);
        var lines = await db.Earnings.AsNoTracking().Where(e => e.InvoiceId == note.InvoiceId && e.PartnerId == note.PartnerId).ToListAsync(cancellationToken);
        var earned = lines.FirstOrDefault(e => e.Kind != EarningKinds.Reversal);
        if (earned is null)
        {
            if (await db.EarlyCreditNotes.FindAsync([note.CreditNoteId], cancellationToken) is null)
            {
                db.EarlyCreditNotes.Add(EarlyCreditNote.Of(note));
            }
            return;
        }
        if (lines.Any(e => e.CreditNoteId == note.CreditNoteId))
        {
            return;
        }
        var alreadyReversed = -lines.Where(e => e.Kind == EarningKinds.Reversal).Sum(e => e.Amount);
        await RecordReversalAsync(earned, note.CreditNoteId, note.CreditedBefore ?? 0, note.Amount, note.IssuedAt, alreadyReversed, cancellationToken);
    }

    /// <summary>The credit notes that overtook the payment behind <paramref name="earning"/>, taken back from it in the order issued.</summary>
    private async Task ReverseEarlyCreditNotesAsync(Earning earning, CancellationToken cancellationToken)
    {
        var early = await db.EarlyCreditNotes.Where(n => n.InvoiceId == earning.InvoiceId && n.PartnerId == earning.PartnerId)
            .OrderBy(n => n.IssuedAt).ToListAsync(cancellationToken);
        var alreadyReversed = 0L;
        foreach (var note in early)
        {
            alreadyReversed += await RecordReversalAsync(earning, note.CreditNoteId, note.CreditedBefore ?? 0, note.Amount, note.IssuedAt, alreadyReversed, cancellationToken);
            db.EarlyCreditNotes.Remove(note);
            logger.LogInformation("Credit note {CreditNoteId}, consumed before invoice {InvoiceId} earned, taken back from its earning", note.CreditNoteId, earning.InvoiceId);
        }
    }

    /// <summary>
    /// Records the reversal of what <paramref name="credited"/> credits of the earning, after what the invoice's earlier notes
    /// credited; returns its amount (0: nothing left to take).
    /// </summary>
    private async Task<long> RecordReversalAsync(Earning earned, Guid creditNoteId, long creditedBefore, long credited, DateTimeOffset issuedAt, long alreadyReversed,
        CancellationToken cancellationToken)
    {
        var amount = EarningRules.Reversal(earned.Amount, earned.InvoiceTotal, creditedBefore, credited, alreadyReversed);
        if (amount == 0)
        {
            return 0;
        }
        var month = await OpenMonthAsync(earned.PartnerId, issuedAt, cancellationToken);
        Record(Earning.ReversalOf(earned, creditNoteId, amount, month, issuedAt));
        return amount;
    }

    /// <summary>Serialises a partner's ledger writes with its monthly close (released at the transaction's end).</summary>
    public static async Task LockPartnerAsync(PartnersDb db, Guid partnerId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({partnerId.ToString()}))", cancellationToken);

    /// <summary>The month an earning counts in: its own, or the current one when its own month was already closed.</summary>
    private async Task<DateOnly> OpenMonthAsync(Guid partnerId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var month = EarningRules.MonthOf(at);
        var closed = await db.Statements.AnyAsync(s => s.PartnerId == partnerId && s.Month == month, cancellationToken);
        return closed ? EarningRules.MonthOf(clock.GetUtcNow()) : month;
    }

    private void Record(Earning earning)
    {
        db.Earnings.Add(earning);
        db.Publish(new CommissionEarned(earning.Id, earning.PartnerId, earning.AccountId, earning.InvoiceId, earning.Kind,
            earning.Amount, earning.Currency, earning.Month, earning.EarnedAt), clock.GetUtcNow());
    }
}
