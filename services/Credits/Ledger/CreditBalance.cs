namespace Reseller.Credits.Ledger;

/// <summary>
/// The cached sum of one holder's ledger entries of one kind, changed only in the transaction that appends the entry, so it
/// always equals the sum. HolderId is the account's id, or <see cref="Pool"/> for the partner's own pool.
/// </summary>
public sealed class CreditBalance
{
    public static readonly Guid Pool = Guid.Empty;

    public Guid PartnerId { get; private set; }
    public Guid HolderId { get; private set; }
    public CreditKind Kind { get; private set; }
    public long Balance { get; private set; }

    private CreditBalance()
    {
    }

    public static Guid HolderOf(Guid? accountId) => accountId ?? Pool;
}
