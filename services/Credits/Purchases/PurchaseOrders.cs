using Microsoft.EntityFrameworkCore;

using Npgsql;

using Reseller.Credits.Data;
using Reseller.Credits.Ledger;
using Reseller.ServiceDefaults.Idempotency;

namespace Reseller.Credits.Purchases;

/// <summary>
/// Places a partner's order once per Idempotency-Key. The idempotency store forgets the key of a request answered 5xx, so
/// that the client may retry it, yet Billing may have invoiced and charged that request's purchase after Credits stopped
/// waiting for it. So the purchase keeps the key, and a retry under it gets that purchase back, for Billing to answer its
/// first invoice, rather than a second purchase invoiced and charged again. A key is kept as long as the store keeps one.
/// </summary>
public sealed class PurchaseOrders(CreditsDb db, TimeProvider clock, ILogger<PurchaseOrders> logger)
{
    public const string KeyIndex = "ux_credit_purchases_idempotency_key";

    public async Task<PlacedPurchase> PlaceAsync(
        Guid partnerId, CreditKind kind, long pack, Guid? accountId, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (idempotencyKey is not null)
        {
            if (await EarlierAsync(partnerId, idempotencyKey, now, cancellationToken) is { } earlier)
            {
                return Retried(earlier, kind, pack, accountId);
            }
            await ForgetExpiredAsync(partnerId, idempotencyKey, now, cancellationToken);
        }

        var purchase = CreditPurchase.Order(partnerId, kind, pack, accountId, now, idempotencyKey);
        db.Purchases.Add(purchase);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (idempotencyKey is not null
            && e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: KeyIndex })
        {
            // Another request under the same key ordered between the look-up and this insert: that purchase is this order.
            db.ChangeTracker.Clear();
            var winner = await EarlierAsync(partnerId, idempotencyKey, now, cancellationToken)
                ?? throw new InvalidOperationException("The purchase holding the Idempotency-Key was not found after its unique index refused another.");
            return Retried(winner, kind, pack, accountId);
        }
        return new PlacedPurchase(purchase, IsRetry: false);
    }

    private Task<CreditPurchase?> EarlierAsync(Guid partnerId, string idempotencyKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var keptSince = now - IdempotencyRecord.Lifetime;
        return db.Purchases.FirstOrDefaultAsync(
            p => p.PartnerId == partnerId && p.IdempotencyKey == idempotencyKey && p.CreatedAt > keptSince, cancellationToken);
    }

    /// <summary>After 24 hours the store takes the key as new, and so does a purchase: the old one lets go of it.</summary>
    private async Task ForgetExpiredAsync(Guid partnerId, string idempotencyKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var keptSince = now - IdempotencyRecord.Lifetime;
        await db.Purchases
            .Where(p => p.PartnerId == partnerId && p.IdempotencyKey == idempotencyKey && p.CreatedAt <= keptSince)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.IdempotencyKey, (string?)null), cancellationToken);
    }

    private PlacedPurchase Retried(CreditPurchase earlier, CreditKind kind, long pack, Guid? accountId)
    {
        if (!earlier.IsOrderOf(kind, pack, accountId))
        {
            // The store compares bodies only while it holds the key, and it let go of it when the first request failed.
            throw IdempotencyProblems.KeyReused();
        }
        logger.LogInformation("Purchase {PurchaseId} asked for again under its Idempotency-Key", earlier.Id);
        return new PlacedPurchase(earlier, IsRetry: true);
    }
}
