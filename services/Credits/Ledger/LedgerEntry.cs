namespace Reseller.Credits.Ledger;

/// <summary>
/// One immutable movement of credit. The partner's pool has AccountId null; an account's holding has its id.
/// A balance is the sum of its entries; prepaid quantities are minor units of money, the others are units.
/// </summary>
public sealed class LedgerEntry
{
    public long Id { get; private set; }
    public Guid PartnerId { get; private set; }
    public Guid? AccountId { get; private set; }
    public CreditKind Kind { get; private set; }
    public string EntryType { get; private set; } = "";
    public long Quantity { get; private set; }
    public string Reference { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    private LedgerEntry()
    {
    }

    public static LedgerEntry Record(Guid partnerId, Guid? accountId, CreditKind kind, string entryType, long quantity, string reference, DateTimeOffset now) => new()
    {
        PartnerId = partnerId,
        AccountId = accountId,
        Kind = kind,
        EntryType = entryType,
        Quantity = quantity,
        Reference = reference,
        CreatedAt = now,
    };
}
