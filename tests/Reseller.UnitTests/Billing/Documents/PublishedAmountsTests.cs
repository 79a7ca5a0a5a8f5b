using Reseller.Billing.CreditNotes;
using Reseller.Billing.Invoices;
using Reseller.Billing.Invoices.Documents;
using Reseller.Billing.Invoices.Issuing;
using Reseller.Billing.Purchases;
using Reseller.Contracts.Credits;

namespace Reseller.UnitTests.Billing.Documents;

/// <summary>
/// What Billing's events tell the other services about a taxed invoice: Partners earns on the amount before VAT, and
/// Credits shares a pack's refund by what was paid, so both figures must travel with the events.
/// </summary>
public sealed class PublishedAmountsTests
{
    [Fact]
    public void A_paid_invoice_tells_its_tax_and_a_credit_note_its_invoices_total_and_what_was_credited_before_it()
    {
        var invoice = SampleDocuments.FrenchPartnerInvoice();
        Assert.True(invoice.Tax > 0);

        Assert.Equal((invoice.Total, invoice.Tax), (InvoiceEvents.Paid(invoice).Total, InvoiceEvents.Paid(invoice).Tax));
        var issued = CreditNoteEvents.Issued(SampleDocuments.CreditOn(invoice), invoice, new CreditedSoFar(700, 500, 200));
        Assert.Equal((invoice.Total, 700L), (issued.InvoiceTotal, issued.CreditedBefore));
    }

    [Fact]
    public void A_prepaid_pack_taxed_before_packs_were_untaxed_does_not_say_it_is_untaxed()
    {
        var price = CreditPackInvoices.Price(TestCatalog.Default, CreditKinds.Prepaid, 5000)!;
        var taxed = new InvoiceHeading(SampleDocuments.Issuer(), SampleDocuments.FrenchAgency(), InvoiceLanguages.French, 20m, false, 14);
        var invoice = Invoice.Issue(new IssueInvoice(Guid.NewGuid(), null, "partner", "credit_purchase", new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 5)),
            "RSL-2026-000001", price, SampleDocuments.IssuedAt, taxed);

        Assert.Equal(1000, invoice.Tax);
        Assert.False(InvoiceDocuments.ForInvoice(invoice, []).PrepaidCreditPack);
        Assert.True(InvoiceDocuments.ForInvoice(SampleDocuments.FrenchPrepaidPackInvoice(), []).PrepaidCreditPack);
    }
}
