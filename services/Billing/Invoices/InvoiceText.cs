using System.Globalization;

using Reseller.Billing.CreditNotes;

namespace Reseller.Billing.Invoices;

/// <summary>What every download of an invoice shows beside its lines, in one order.</summary>
public static class InvoiceText
{
    public static string Status(Invoice invoice) => invoice.Status.ToString().ToLowerInvariant();

    public static string Money(long amount) => (amount / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    public static IReadOnlyList<(string Label, long Amount)> Summary(Invoice invoice, IReadOnlyList<CreditNote> creditNotes)
    {
        var summary = new List<(string, long)>
        {
            ("Subtotal", invoice.Subtotal),
            ($"Discount ({invoice.DiscountPercent} %)", invoice.Discount),
            ("Total", invoice.Total),
            ("Paid from prepaid credit", invoice.PrepaidApplied),
            ("Charged to card", invoice.CardCharged),
            ("Amount due", invoice.AmountDue),
        };
        if (creditNotes.Count > 0)
        {
            summary.Add(("Credited", creditNotes.Sum(c => c.Amount)));
        }
        return summary;
    }
}
