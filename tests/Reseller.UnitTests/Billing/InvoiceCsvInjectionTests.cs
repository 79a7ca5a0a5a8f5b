using Reseller.Billing.CreditNotes;
using Reseller.Billing.Invoices;
using Reseller.Billing.Invoices.Documents;
using Reseller.Billing.Pricing;

namespace Reseller.UnitTests.Billing;

public sealed class InvoiceCsvInjectionTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.test\",\"pay here\")")]
    [InlineData("+1+cmd|' /C calc'!A0")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A9)")]
    public void A_cell_that_a_spreadsheet_would_run_as_a_formula_is_shown_as_text(string description)
    {
        var csv = InvoiceCsv.Render(InvoiceDocuments.ForInvoice(InvoiceDescribedAs(description), []));

        var row = csv.Split("\r\n")[1];
        var text = "'" + description;
        var cell = text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal) ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
        Assert.Contains("," + cell + ",", row, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_amounts_stay_numbers()
    {
        var invoice = TestInvoices.Paid();
        var note = CreditNote.Issue(invoice, CreditedSoFar.Nothing, 490, "goodwill", "CN-2026-000001", invoice.IssuedAt.AddDays(1));

        var csv = InvoiceCsv.Render(InvoiceDocuments.ForInvoice(invoice, [note]));

        Assert.Contains(",-490,USD", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("'-490", csv, StringComparison.Ordinal);
    }

    private static Invoice InvoiceDescribedAs(string description)
    {
        var price = new PriceBreakdown([new PriceLine("plan", description, 1, 4900, true)], "USD", 0);
        return Invoice.Issue(new IssueInvoice(Guid.NewGuid(), Guid.NewGuid(), "partner", "renewal", new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1)),
            "RSL-2026-000043", price, new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
    }
}
