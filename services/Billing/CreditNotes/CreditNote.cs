using System.Linq.Expressions;

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

    /// <summary>The part of the note given back to the card (the rest was paid from prepaid credit); 0 for none.</summary>
    public long CardRefund { get; private set; }

    /// <summary>The part of the note given back to the payer's prepaid credit (what prepaid credit paid of the invoice, after the card part).</summary>
    public long PrepaidReturn { get; private set; }

    /// <summary>The card charge (provider id) the card part is refunded from.</summary>
    public string? RefundedCharge { get; private set; }
    public string? ProviderRefundId { get; private set; }
    public string? RefundFailureCode { get; private set; }

    /// <summary>When the provider answered the card refund; null while it is still to be made (the recovery job retries it).</summary>
    public DateTimeOffset? RefundSettledAt { get; private set; }

    public bool AwaitsCardRefund => CardRefund > 0 && RefundSettledAt is null;

    /// <summary><see cref="AwaitsCardRefund"/> as a query.</summary>
    public static Expression<Func<CreditNote, bool>> AwaitingCardRefund { get; } = c => c.CardRefund > 0 && c.RefundSettledAt == null;

    private CreditNote()
    {
    }

    /// <summary>
    /// Credits part of an invoice; refuses more than what <paramref name="earlier"/> notes left uncredited of its total. The
    /// card is refunded first, up to what earlier notes left of its charge (<paramref name="cardCharge"/> names it); then the
    /// prepaid part goes back to prepaid credit, up to what earlier notes left of the invoice's prepaid part.
    /// </summary>
    public static CreditNote Issue(Invoice invoice, CreditedSoFar earlier, long amount, string reason, string number, DateTimeOffset now,
        string? cardCharge = null)
    {
        if (amount <= 0 || amount > earlier.LeftOf(invoice))
        {
            throw new InvalidOperationException($"A credit of {amount} on invoice {invoice.Number} exceeds what is left of its total.");
        }
        var cardRefund = cardCharge is null ? 0 : Math.Clamp(invoice.CardCharged - earlier.CardRefund, 0, amount);
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
            CardRefund = cardRefund,
            PrepaidReturn = Math.Clamp(invoice.PrepaidApplied - earlier.PrepaidReturn, 0, amount - cardRefund),
            RefundedCharge = cardCharge,
        };
    }

    public void CardRefunded(Payments.RefundResult result, DateTimeOffset now)
    {
        ProviderRefundId = result.ProviderRefundId;
        RefundFailureCode = result.FailureCode;
        RefundSettledAt = now;
    }
}
