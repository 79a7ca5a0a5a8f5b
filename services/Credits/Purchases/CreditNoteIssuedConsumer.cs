using MassTransit;

using Microsoft.EntityFrameworkCore;

using Reseller.Contracts.Billing;
using Reseller.Contracts.Catalog;
using Reseller.Credits.Data;
using Reseller.Credits.Ledger;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Credits.Purchases;

/// <summary>
/// A credit note on a credit-purchase invoice refunds that share of the pack (all of it for a full refund): the credit is
/// taken back from where the purchase put it (the pool or the earmarked account), then, for an earmarked pack, from the
/// partner's pool, as far as it is still there, never below zero; what was already assigned or used stays so (an account
/// that moved out gave its credit to the pool, which is then where it is taken back from). A note that overtakes its
/// invoice's payment waits for the pack to be credited first.
/// </summary>
public sealed class CreditNoteIssuedConsumer(CreditsDb db, CreditLedger ledger, ProductCatalog catalog, ILogger<CreditNoteIssuedConsumer> logger)
    : IConsumer<CreditNoteIssued>
{
    public async Task Consume(ConsumeContext<CreditNoteIssued> context)
    {
        var note = context.Message;
        await db.ConsumeOnceAsync(context, nameof(CreditNoteIssuedConsumer), async ct =>
        {
            var purchase = await PurchaseOfAsync(note, ct);
            if (purchase is null)
            {
                return;
            }
            if (purchase.Status != PurchaseStatus.Completed)
            {
                // Only a paid invoice is credited, so its InvoicePaid is on its way: taking nothing back now would let it add
                // the whole pack afterwards, refunded and kept.
                throw new EarlierEventPendingException($"Credit note {note.CreditNoteId}: purchase {purchase.Id} is not credited yet; its invoice's payment has not arrived.");
            }
            var reference = $"credit_note:{note.CreditNoteId:N}";
            if (await db.Ledger.AnyAsync(e => e.PartnerId == note.PartnerId && e.Reference == reference, ct))
            {
                return;
            }
            var share = RefundedShare(purchase, note);
            var holder = await db.PackHolderAsync(purchase, ct);
            var refunded = await ledger.DebitUpToAsync(purchase.PartnerId, holder, purchase.Kind, EntryTypes.Refund, share, reference, ct);
            if (refunded < share && holder is not null)
            {
                // Credit earmarked for an account and taken back to the pool since is still the partner's to spend: the
                // refund takes it from there, else the card would be refunded and the credit kept.
                refunded += await ledger.DebitUpToAsync(purchase.PartnerId, null, purchase.Kind, EntryTypes.Refund, share - refunded, reference, ct);
            }
            if (refunded < share)
            {
                logger.LogWarning("Credit note {CreditNoteId}: {Refunded} of {Share} credits taken back; the rest was already used", note.CreditNoteId, refunded, share);
            }
        });
    }

    /// <summary>
    /// The purchase the note's invoice paid for: linked to that invoice, or, not linked yet (Billing's answer to the purchase
    /// was lost and its InvoicePaid, which links it, is still on its way), named by the invoice's reference.
    /// </summary>
    private async Task<CreditPurchase?> PurchaseOfAsync(CreditNoteIssued note, CancellationToken cancellationToken)
    {
        var linked = await db.Purchases.AsNoTracking().FirstOrDefaultAsync(p => p.InvoiceId == note.InvoiceId && p.PartnerId == note.PartnerId, cancellationToken);
        if (linked is not null || note.Purpose != InvoicePurposes.CreditPurchase || !PublicId.TryParse(PurchaseResponse.IdPrefix, note.Reference, out var purchaseId))
        {
            return linked;
        }
        return await db.Purchases.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == purchaseId.Value && p.PartnerId == note.PartnerId && (p.InvoiceId == null || p.InvoiceId == note.InvoiceId), cancellationToken);
    }

    /// <summary>
    /// The part of the pack the refunded amount paid for, rounded down: the note's cumulative share of the invoice's total (tax
    /// included in both) after the invoice's earlier notes (<see cref="CreditNoteShares"/>), or, from a message without that
    /// total, its share of the pack's catalog price.
    /// </summary>
    private long RefundedShare(CreditPurchase purchase, CreditNoteIssued note)
    {
        var paid = note.InvoiceTotal ?? (catalog.CreditPacks.TryGetValue(CreditKindNames.Name(purchase.Kind), out var packs)
            ? packs.FirstOrDefault(p => p.Size == purchase.Pack)?.Price ?? 0
            : 0);
        return paid <= 0 ? purchase.Pack : CreditNoteShares.Of(purchase.Pack, paid, note.CreditedBefore ?? 0, note.Amount, MidpointRounding.ToZero);
    }
}
