using Reseller.Credits.Ledger;

namespace Reseller.Credits.Purchases;

/// <summary>
/// A pack the partner ordered. Its credit is added once, when Billing reports its invoice paid; never before, never twice.
/// A refused charge makes it failed; a later payment of the same invoice (Billing's dunning) still completes it.
/// An order made under an Idempotency-Key keeps it, so that a retry under that key finds this purchase (PurchaseOrders).
/// </summary>
public sealed class CreditPurchase
{
    public Guid Id { get; private set; }
    public Guid PartnerId { get; private set; }
    public CreditKind Kind { get; private set; }
    public long Pack { get; private set; }
    public Guid? AccountId { get; private set; }
    public string? IdempotencyKey { get; private set; }
    public Guid? InvoiceId { get; private set; }
    public PurchaseStatus Status { get; private set; }
    public string? FailureCode { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? FailedAt { get; private set; }
    public DateTimeOffset? CreditedAt { get; private set; }

    private CreditPurchase()
    {
    }

    public static CreditPurchase Order(Guid partnerId, CreditKind kind, long pack, Guid? accountId, DateTimeOffset now, string? idempotencyKey = null) => new()
    {
        Id = Guid.CreateVersion7(),
        PartnerId = partnerId,
        Kind = kind,
        Pack = pack,
        AccountId = accountId,
        IdempotencyKey = idempotencyKey,
        Status = PurchaseStatus.Pending,
        CreatedAt = now,
    };

    /// <summary>Whether a request for this pack, for this holder, is the order this purchase was made for.</summary>
    public bool IsOrderOf(CreditKind kind, long pack, Guid? accountId) => Kind == kind && Pack == pack && AccountId == accountId;

    public void Invoiced(Guid invoiceId) => InvoiceId ??= invoiceId;

    /// <summary>
    /// A charge of its invoice was refused: failed, unless it is already completed (a late or repeated failure changes
    /// nothing then). The newest failure's code is kept.
    /// </summary>
    public void Fail(string failureCode, DateTimeOffset failedAt)
    {
        if (Status == PurchaseStatus.Completed || failedAt < FailedAt)
        {
            return;
        }
        Status = PurchaseStatus.Failed;
        FailureCode = failureCode;
        FailedAt = failedAt;
    }

    /// <summary>Marks the purchase completed (pending or failed before); false when it already was, so the caller credits nothing.</summary>
    public bool Complete(Guid invoiceId, DateTimeOffset now)
    {
        if (Status == PurchaseStatus.Completed)
        {
            return false;
        }
        InvoiceId ??= invoiceId;
        Status = PurchaseStatus.Completed;
        CreditedAt = now;
        return true;
    }
}
