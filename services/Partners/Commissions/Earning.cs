namespace Reseller.Partners.Commissions;

/// <summary>
/// One line of the commission ledger (append-only): what a paid invoice earned, or what a credit note took back. It
/// belongs to the statement of its calendar month once that month is closed.
/// </summary>
public sealed class Earning
{
    public Guid Id { get; private set; }
    public Guid PartnerId { get; private set; }
    public Guid? AccountId { get; private set; }
    public Guid InvoiceId { get; private set; }
    public string InvoiceNumber { get; private set; } = "";
    public Guid? CreditNoteId { get; private set; }
    public string Kind { get; private set; } = "";
    public long InvoiceTotal { get; private set; }
    public long Amount { get; private set; }
    public string Currency { get; private set; } = "";
    public DateOnly Month { get; private set; }
    public DateTimeOffset EarnedAt { get; private set; }
    public Guid? StatementId { get; private set; }

    private Earning()
    {
    }

    public static Earning ForInvoice(Guid partnerId, Guid? accountId, Guid invoiceId, string invoiceNumber, string kind, long invoiceTotal, long amount, string currency, DateOnly month, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(),
        PartnerId = partnerId,
        AccountId = accountId,
        InvoiceId = invoiceId,
        InvoiceNumber = invoiceNumber,
        Kind = kind,
        InvoiceTotal = invoiceTotal,
        Amount = amount,
        Currency = currency,
        Month = month,
        EarnedAt = at,
    };

    public static Earning ReversalOf(Earning earned, Guid creditNoteId, long amount, DateOnly month, DateTimeOffset at)
    {
        var reversal = ForInvoice(earned.PartnerId, earned.AccountId, earned.InvoiceId, earned.InvoiceNumber, EarningKinds.Reversal, earned.InvoiceTotal, -amount, earned.Currency, month, at);
        reversal.CreditNoteId = creditNoteId;
        return reversal;
    }
}
