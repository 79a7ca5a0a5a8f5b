using Reseller.Billing.Invoices;
using Reseller.Billing.Pricing;

namespace Reseller.UnitTests.Billing;

public static class TestInvoices
{
    /// <summary>marketing plus, 1,000 contacts, monthly, 10 % discount: 4900 − 490 = 4410, paid by card.</summary>
    public static Invoice Paid()
    {
        var price = new PriceBreakdown([new PriceLine("plan", "Marketing plus, 1,000 contacts, 1 month", 1, 4900, true).WithDiscountPercent(10)], "USD", 10);
        var issuedAt = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
        var invoice = Invoice.Issue(new IssueInvoice(Guid.NewGuid(), Guid.NewGuid(), "partner", "renewal", new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1)),
            "RSL-2026-000042", price, issuedAt);
        invoice.PayByCard(4410, issuedAt);
        return invoice;
    }
}
