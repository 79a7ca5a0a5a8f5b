using Reseller.Credits.Ledger;

namespace Reseller.Credits.Purchases;

/// <summary>A pack the partner ordered. Its credit is added once, when Billing reports its invoice paid; never before, never twice.</summary>
public sealed class CreditPurchase
{
    public Guid Id { get; private set; }
    public Guid PartnerId { get; private set; }
    public CreditKind Kind { get; private set; }
    public long Pack { get; private set; }
    public Guid? AccountId { get; private set; }
    public Guid? InvoiceId { get; private set; }
    public PurchaseStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CreditedAt { get; private set; }

    private CreditPurchase()
    {
    }

    public static CreditPurchase Order(Guid partnerId, CreditKind kind, long pack, Guid? accountId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        PartnerId = partnerId,
        Kind = kind,
        Pack = pack,
        AccountId = accountId,
        Status = PurchaseStatus.Pending,
        CreatedAt = now,
    };

    public void Invoiced(Guid invoiceId) => InvoiceId ??= invoiceId;

    /// <summary>Marks the purchase credited; false when it already was, so the caller adds nothing.</summary>
    public bool Credit(Guid invoiceId, DateTimeOffset now)
    {
        if (Status == PurchaseStatus.Credited)
        {
            return false;
        }
        InvoiceId ??= invoiceId;
        Status = PurchaseStatus.Credited;
        CreditedAt = now;
        return true;
    }
}
