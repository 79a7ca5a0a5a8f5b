using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.Billing.Payments;

namespace Reseller.Billing.Invoices.Documents;

/// <summary>Answers a download of an invoice or credit note in the negotiated format (never JSON: the caller answers that).</summary>
public static class DocumentDownload
{
    public static IResult Result(InvoiceDocument document, string format, HttpResponse response)
    {
        DownloadHeaders.Apply(response, format);
        return format switch
        {
            InvoiceFormats.Html => TypedResults.Text(InvoiceHtml.Render(document), InvoiceFormats.Html, System.Text.Encoding.UTF8),
            InvoiceFormats.Csv => TypedResults.Text(InvoiceCsv.Render(document), InvoiceFormats.Csv, System.Text.Encoding.UTF8),
            _ => TypedResults.Bytes(InvoicePdf.Render(document), InvoiceFormats.Pdf, $"{document.Number}.pdf"),
        };
    }

    /// <summary>The card of the invoice's successful card payment (its profile is kept, even deleted, for this).</summary>
    public static async Task<PaidCard?> PaidCardAsync(BillingDb db, Invoice invoice, CancellationToken cancellationToken) =>
        invoice.CardCharged == 0
            ? null
            : await db.Payments.AsNoTracking()
                .Where(p => p.InvoiceId == invoice.Id && p.Status == PaymentStatus.Succeeded)
                .Join(db.BillingProfiles, p => p.BillingProfileId, b => b.Id, (p, b) => new { p.CompletedAt, b.Brand, b.Last4 })
                .OrderByDescending(x => x.CompletedAt)
                .Select(x => new PaidCard(x.Brand, x.Last4))
                .FirstOrDefaultAsync(cancellationToken);
}
