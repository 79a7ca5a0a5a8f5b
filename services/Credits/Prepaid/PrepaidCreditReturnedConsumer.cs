using MassTransit;

using Microsoft.EntityFrameworkCore;

using Reseller.Contracts.Credits;
using Reseller.Credits.Data;
using Reseller.Credits.FollowedAccounts;
using Reseller.Credits.Ledger;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Credits.Prepaid;

/// <summary>
/// A credit note gave back the prepaid part of an invoice: that credit returns to where the invoice's reservation took it
/// (the account's earmark first, as far as the invoice took from it and earlier notes did not already return, then the
/// partner's general credit; an account that left the partner gives its part to that general credit). Once per credit
/// note: the inbox drops a redelivery, the ledger reference a re-publication.
/// </summary>
public sealed class PrepaidCreditReturnedConsumer(CreditsDb db, CreditLedger ledger) : IConsumer<PrepaidCreditReturned>
{
    public async Task Consume(ConsumeContext<PrepaidCreditReturned> context)
    {
        var returned = context.Message;
        await db.ConsumeOnceAsync(context, nameof(PrepaidCreditReturnedConsumer), async ct =>
        {
            var invoiceNotes = $"invoice:{returned.InvoiceId:N}:credit_note:";
            var reference = invoiceNotes + returned.CreditNoteId.ToString("N");
            // One invoice's notes (and two copies of one note) are returned one at a time: the second waits here, then sees
            // the first's entries, so the earmark never gets back more than the invoice took from it.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({invoiceNotes}))", ct);
            if (returned.Amount <= 0 || await db.Ledger.AnyAsync(e => e.PartnerId == returned.PartnerId && e.Reference == reference, ct))
            {
                return;
            }
            var toEarmark = 0L;
            var earmarks = await db.Reservations.AsNoTracking()
                .Where(r => r.InvoiceId == returned.InvoiceId && r.PartnerId == returned.PartnerId && r.Status == ReservationStatus.Committed && r.AccountId != null && r.Earmarked > 0)
                .Select(r => new { AccountId = r.AccountId!.Value, r.Earmarked })
                .ToListAsync(ct);
            if (earmarks.Count > 0)
            {
                var accountId = earmarks[0].AccountId;
                var alreadyReturned = await db.Ledger
                    .Where(e => e.PartnerId == returned.PartnerId && e.AccountId == accountId && e.Kind == CreditKind.Prepaid && e.Reference.StartsWith(invoiceNotes))
                    .SumAsync(e => e.Quantity, ct);
                toEarmark = Math.Clamp(earmarks.Where(r => r.AccountId == accountId).Sum(r => r.Earmarked) - alreadyReturned, 0, returned.Amount);
                if (toEarmark > 0)
                {
                    // The earmark, unless the account left the partner since: then the partner's general credit.
                    var holder = await db.PartnerCreditHolderAsync(returned.PartnerId, accountId, ct);
                    await ledger.CreditAsync(returned.PartnerId, holder, CreditKind.Prepaid, EntryTypes.Refund, toEarmark, reference, ct);
                }
            }
            if (returned.Amount > toEarmark)
            {
                await ledger.CreditAsync(returned.PartnerId, null, CreditKind.Prepaid, EntryTypes.Refund, returned.Amount - toEarmark, reference, ct);
            }
        });
    }
}
