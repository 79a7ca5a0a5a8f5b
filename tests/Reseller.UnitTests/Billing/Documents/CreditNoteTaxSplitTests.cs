using Reseller.Billing.CreditNotes;
using Reseller.Billing.Invoices;
using Reseller.Billing.Invoices.Documents;
using Reseller.Billing.Invoices.Issuing;
using Reseller.Billing.Pricing;

namespace Reseller.UnitTests.Billing.Documents;

public sealed class CreditNoteTaxSplitTests
{
    [Fact]
    public void Partial_credit_notes_of_one_invoice_add_up_to_its_net_and_its_tax_to_the_cent()
    {
        // 10.01 net at 20 %: 2.00 of tax (2.002 rounded), 12.01 in all, credited in three notes of 4.00, 4.00 and 4.01.
        var invoice = FrenchInvoiceOf(1001);
        Assert.Equal((200L, 1201L), (invoice.Tax, invoice.Total));

        var documents = new List<InvoiceDocument>();
        var earlier = CreditedSoFar.Nothing;
        foreach (var (amount, number) in new[] { (400L, "RSL-CN-2026-000001"), (400L, "RSL-CN-2026-000002"), (401L, "RSL-CN-2026-000003") })
        {
            var note = CreditNote.Issue(invoice, earlier, amount, "Geste commercial", number, SampleDocuments.IssuedAt.AddDays(documents.Count + 1));
            documents.Add(InvoiceDocuments.ForCreditNote(note, invoice, earlier.Amount));
            earlier = earlier with { Amount = earlier.Amount + amount };
        }

        // Each note split alone would net 3.33, 3.33 and 3.34: a cent short of the invoice's 10.01, and its tax a cent over.
        Assert.Equal([333L, 334L, 334L], documents.Select(d => d.Subtotal));
        Assert.All(documents, d => Assert.Equal(d.Total, d.Subtotal + d.Tax));
        Assert.Equal(invoice.Total - invoice.Tax, documents.Sum(d => d.Subtotal));
        Assert.Equal(invoice.Tax, documents.Sum(d => d.Tax));
    }

    [Theory]
    [InlineData(1, 20)]
    [InlineData(1001, 20)]
    [InlineData(4410, 20)]
    [InlineData(999_999, 19)]
    [InlineData(12_345, 5.5)]
    [InlineData(7, 8.1)]
    public void The_net_of_an_invoices_total_is_its_net(long net, decimal ratePercent) =>
        Assert.Equal(net, TaxRule.NetOf(net + TaxRule.Tax(net, ratePercent), ratePercent));

    private static Invoice FrenchInvoiceOf(long net)
    {
        var price = new PriceBreakdown([PriceLine.Of("plan", new LineText.Plan("Marketing", "plus", 1000, Annual: false), 1, net, discountable: false)], "EUR", 0);
        var invoice = Invoice.Issue(
            new IssueInvoice(Guid.NewGuid(), Guid.NewGuid(), "partner", "renewal", new DateOnly(2026, 11, 5), new DateOnly(2026, 12, 5)),
            "RSL-2026-000200", price, SampleDocuments.IssuedAt,
            new InvoiceHeading(SampleDocuments.Issuer(), SampleDocuments.FrenchAgency(), InvoiceLanguages.French, 20m, false, 14));
        invoice.PayByCard(invoice.AmountDue, SampleDocuments.IssuedAt);
        return invoice;
    }
}
