using Reseller.Billing.Invoices;

namespace Reseller.Billing.CreditNotes;

/// <summary>A correction of an issued invoice, numbered in its own gap-free series; the invoice itself never changes.</summary>
public sealed class CreditNote
{
    public Guid Id { get; private set; }
    public string Number { get; private set; } = "";
    public Guid InvoiceId { get; private set; }
    public Guid PartnerId { get; private set; }
    public Guid? AccountId { get; private set; }
    public string Payer { get; private set; } = "";
    public long Amount { get; private set; }
    public string Currency { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public DateTimeOffset IssuedAt { get; private set; }

    private CreditNote()
    {
    }

    /// <summary>Credits part of an invoice; refuses more than what is still uncredited of its total.</summary>
    public static CreditNote Issue(Invoice invoice, long alreadyCredited, long amount, string reason, string number, DateTimeOffset now)
    {
        if (amount <= 0 || alreadyCredited + amount > invoice.Total)
        {
            throw new InvalidOperationException($"A credit of {amount} on invoice {invoice.Number} exceeds what is left of its total.");
        }
        return new CreditNote
        {
            Id = Guid.CreateVersion7(),
            Number = number,
            InvoiceId = invoice.Id,
            PartnerId = invoice.PartnerId,
            AccountId = invoice.AccountId,
            Payer = invoice.Payer,
            Amount = amount,
            Currency = invoice.Currency,
            Reason = reason,
            IssuedAt = now,
        };
    }
}
