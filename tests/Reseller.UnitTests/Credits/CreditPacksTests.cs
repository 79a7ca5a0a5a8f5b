using Reseller.Billing.Invoices;
using Reseller.Billing.Purchases;
using Reseller.Contracts.Billing;

namespace Reseller.UnitTests.Credits;

public sealed class CreditPacksTests
{
    [Fact]
    public void The_catalog_packs_are_those_of_the_domain_rules()
    {
        var packs = TestCatalog.Default.CreditPacks.ToDictionary(p => p.Key, p => p.Value.Select(x => (x.Size, x.Price)).ToList());

        Assert.Equal([(5000, 5000), (10000, 10000), (50000, 50000), (100000, 100000)], packs["prepaid"]);
        Assert.Equal([(1000, 2000), (5000, 9000), (25000, 40000)], packs["sms"]);
        Assert.Equal([(100, 1500), (500, 6000)], packs["compatibility"]);
    }

    [Theory]
    [InlineData("prepaid", 50000, 50000)]
    [InlineData("sms", 25000, 40000)]
    [InlineData("compatibility", 500, 6000)]
    public void A_pack_is_invoiced_at_its_catalog_price_never_discounted(string kind, long pack, long price)
    {
        var breakdown = CreditPackInvoices.Price(TestCatalog.Default, kind, pack)!;

        Assert.Equal(price, breakdown.Total);
        Assert.Equal(0, breakdown.Discount);
        Assert.All(breakdown.Lines, l => Assert.False(l.Discountable));
    }

    [Theory]
    [InlineData("sms", 1234)]
    [InlineData("gold", 1000)]
    public void An_unknown_pack_has_no_price(string kind, long pack) => Assert.Null(CreditPackInvoices.Price(TestCatalog.Default, kind, pack));

    [Fact]
    public void Prepaid_and_card_together_settle_an_invoice_and_prepaid_never_exceeds_what_is_due()
    {
        var invoice = Invoice.Issue(
            new IssueInvoice(Guid.NewGuid(), null, "partner", InvoicePurposes.CreditPurchase, new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 24), "cp_x"),
            "RSL-2026-000001",
            CreditPackInvoices.Price(TestCatalog.Default, "sms", 1000)!,
            DateTimeOffset.UtcNow);

        Assert.Throws<InvalidOperationException>(() => invoice.ApplyPrepaid(2001));
        invoice.ApplyPrepaid(1500);
        Assert.Throws<InvalidOperationException>(() => invoice.PayByCard(2000, DateTimeOffset.UtcNow));
        invoice.PayByCard(500, DateTimeOffset.UtcNow);

        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
        Assert.Equal(invoice.Total, invoice.PrepaidApplied + invoice.CardCharged);
        Assert.False(CreditPackInvoices.IsPrepaidPack(invoice));
        Assert.Equal("cp_x", InvoiceEvents.Paid(invoice).Reference);
    }
}
