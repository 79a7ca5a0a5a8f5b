using MassTransit;

using Microsoft.EntityFrameworkCore;

using Reseller.Contracts.Billing;
using Reseller.Credits.Data;
using Reseller.Credits.Ledger;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Credits.Purchases;

/// <summary>
/// A paid credit-purchase invoice adds its pack to the partner's pool (or to the account prepaid was earmarked for) and
/// completes the purchase, pending or failed before (Billing's dunning may collect it late). The inbox drops a redelivered
/// message and the purchase's own status, read under a row lock, drops a second event for the same invoice.
/// </summary>
public sealed class InvoicePaidConsumer(CreditsDb db, CreditLedger ledger, TimeProvider clock, ILogger<InvoicePaidConsumer> logger) : IConsumer<InvoicePaid>
{
    public async Task Consume(ConsumeContext<InvoicePaid> context)
    {
        var paid = context.Message;
        logger.LogInformation("Invoice {InvoiceId} paid ({Purpose}, reference {Reference})", paid.InvoiceId, paid.Purpose, paid.Reference);
        if (paid.Purpose != InvoicePurposes.CreditPurchase || !PublicId.TryParse(PurchaseResponse.IdPrefix, paid.Reference, out var purchaseId))
        {
            return;
        }
        await db.ConsumeOnceAsync(context, nameof(InvoicePaidConsumer), async ct =>
        {
            var purchase = await db.Purchases.FromSql($"SELECT * FROM credit_purchases WHERE id = {purchaseId.Value} FOR UPDATE").SingleOrDefaultAsync(ct);
            if (purchase is null || purchase.PartnerId != paid.PartnerId)
            {
                logger.LogWarning("Invoice {InvoiceId} paid for an unknown purchase", paid.InvoiceId);
                return;
            }
            if (purchase.Complete(paid.InvoiceId, clock.GetUtcNow()))
            {
                var holder = await db.PackHolderAsync(purchase, ct);
                if (holder is null && purchase.AccountId is { } earmarkedFor)
                {
                    logger.LogInformation("Purchase {PurchaseId}: account {AccountId} is no longer the partner's; the pack goes to the partner's pool", purchase.Id, earmarkedFor);
                }
                await ledger.CreditAsync(purchase.PartnerId, holder, purchase.Kind, EntryTypes.Purchase, purchase.Pack, paid.Reference!, ct);
                logger.LogInformation("Purchase {PurchaseId} credited", purchase.Id);
            }
        });
    }
}
