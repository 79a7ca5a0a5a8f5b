using Reseller.Billing.Invoices;
using Reseller.Billing.Invoices.Documents;

namespace Reseller.UnitTests.Billing;

public sealed class InvoiceDownloadTests
{
    [Theory]
    [InlineData(null, InvoiceFormats.Json)]
    [InlineData("", InvoiceFormats.Json)]
    [InlineData("*/*", InvoiceFormats.Json)]
    [InlineData("application/json", InvoiceFormats.Json)]
    [InlineData("text/html", InvoiceFormats.Html)]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", InvoiceFormats.Html)]
    [InlineData("text/csv", InvoiceFormats.Csv)]
    [InlineData("application/pdf", InvoiceFormats.Pdf)]
    [InlineData("text/csv;q=0.5, application/pdf", InvoiceFormats.Pdf)]
    [InlineData("image/png, text/csv;q=0.1", InvoiceFormats.Csv)]
    [InlineData("image/png", null)]
    [InlineData("application/xml", null)]
    [InlineData("text/csv;q=0", null)]
    [InlineData("not a media type", null)]
    public void Accept_chooses_the_best_offered_format(string? accept, string? expected)
    {
        Assert.Equal(expected, InvoiceFormats.Negotiate(accept));
    }

    [Fact]
    public void The_csv_has_a_row_per_line_and_summary_rows_in_minor_units()
    {
        var csv = InvoiceCsv.Render(InvoiceDocuments.ForInvoice(TestInvoices.Paid(), []));
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("invoice,issued_at,status,code,description,quantity,unit_amount,amount,discount,total,currency", rows[0]);
        Assert.Equal("RSL-2026-000042,2026-03-01T10:00:00Z,paid,plan,\"Marketing plus, 1,000 contacts, 1 month\",1,4900,4900,490,4410,USD", rows[1]);
        Assert.Contains("RSL-2026-000042,2026-03-01T10:00:00Z,paid,summary,Total,,,,,4410,USD", rows);
    }
}
