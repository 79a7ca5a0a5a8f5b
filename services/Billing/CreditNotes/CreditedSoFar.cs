using Reseller.Billing.Invoices;

namespace Reseller.Billing.CreditNotes;

/// <summary>What an invoice's earlier credit notes credited in all, and how much of it went back to the card and to prepaid credit.</summary>
public sealed record CreditedSoFar(long Amount, long CardRefund, long PrepaidReturn)
{
    public static readonly CreditedSoFar Nothing = new(0, 0, 0);

    /// <summary>What is still uncredited of the invoice's total.</summary>
    public long LeftOf(Invoice invoice) => invoice.Total - Amount;
}
