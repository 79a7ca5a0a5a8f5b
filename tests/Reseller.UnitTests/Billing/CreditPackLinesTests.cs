using Reseller.Billing.Invoices;
using Reseller.Billing.Purchases;
using Reseller.Contracts.Billing;

namespace Reseller.UnitTests.Billing;

/// <summary>The one line of a credit-pack invoice (DOMAIN.md "Credits": the catalog's pack price, never discounted).</summary>
public sealed class CreditPackLinesTests
{
    [Theory]
    [InlineData("prepaid", 5000, 5000, "Prepaid credit 5000 (minor units)")]
    [InlineData("prepaid", 100000, 100000, "Prepaid credit 100000 (minor units)")]
    [InlineData("sms", 1000, 2000, "1000 sms credits")]
    [InlineData("sms", 5000, 9000, "5000 sms credits")]
    [InlineData("compatibility", 100, 1500, "100 compatibility credits")]
    public void A_pack_is_one_line_at_its_catalog_price(string kind, long pack, long price, string description)
    {
        var breakdown = CreditPackInvoices.Price(TestCatalog.Default, kind, pack)!;

        var line = Assert.Single(breakdown.Lines);
        Assert.Equal(("credits_" + kind, description, 1L, price, false, 0L), (line.Code, line.Description, line.Quantity, line.UnitAmount, line.Discountable, line.Discount));
        Assert.Equal((price, 0L, price, "USD", 0), (breakdown.Subtotal, breakdown.Discount, breakdown.Total, breakdown.Currency, breakdown.DiscountPercent));
    }

    [Theory]
    [InlineData("prepaid", 0, false)]
    [InlineData("sms", 20, false)]
    [InlineData("compatibility", 20, false)]
    public void A_prepaid_pack_is_invoiced_untaxed_and_a_pack_of_one_service_under_the_payers_tax(string kind, int rate, bool reverseCharge)
    {
        var payers = Reseller.Billing.Invoices.Issuing.InvoiceHeading.None with { TaxRatePercent = 20m };

        var heading = CreditPackInvoices.Heading(kind, payers);

        Assert.Equal(((decimal)rate, reverseCharge), (heading.TaxRatePercent, heading.ReverseCharge));
        Assert.Equal(payers.Language, heading.Language);
    }

    [Fact]
    public void Only_a_prepaid_pack_invoice_is_a_prepaid_pack()
    {
        Assert.True(CreditPackInvoices.IsPrepaidPack(Issue("prepaid", 10000)));
        Assert.False(CreditPackInvoices.IsPrepaidPack(Issue("compatibility", 500)));
        Assert.False(CreditPackInvoices.IsPrepaidPack(TestInvoices.Paid()));
    }

    [Fact]
    public void An_invoice_without_a_prepaid_pack_line_is_not_a_prepaid_pack_even_with_no_line_at_all()
    {
        // Prepaid credit never pays for prepaid credit: only an invoice that names a prepaid pack is refused it.
        var empty = Invoice.Issue(
            new IssueInvoice(Guid.NewGuid(), null, "partner", InvoicePurposes.CreditPurchase, new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 24), "cp_y"),
            "RSL-2026-000002",
            new Reseller.Billing.Pricing.PriceBreakdown([], "USD", 0),
            new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

        Assert.False(CreditPackInvoices.IsPrepaidPack(empty));
    }

    private static Invoice Issue(string kind, long pack) => Invoice.Issue(
        new IssueInvoice(Guid.NewGuid(), null, "partner", InvoicePurposes.CreditPurchase, new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 24), "cp_x"),
        "RSL-2026-000001",
        CreditPackInvoices.Price(TestCatalog.Default, kind, pack)!,
        new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
}
