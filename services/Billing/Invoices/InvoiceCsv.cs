using System.Globalization;
using System.Text;

using Reseller.Billing.CreditNotes;

namespace Reseller.Billing.Invoices;

/// <summary>
/// The invoice as RFC 4180 CSV: one header row, one row per line, then the summary rows; amounts in minor units, so a
/// spreadsheet adds them up exactly.
/// </summary>
public static class InvoiceCsv
{
    public static string Render(Invoice invoice, IReadOnlyList<CreditNote> creditNotes)
    {
        var csv = new StringBuilder();
        Row(csv, "invoice", "issued_at", "status", "code", "description", "quantity", "unit_amount", "amount", "discount", "total", "currency");
        var issued = invoice.IssuedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var status = InvoiceText.Status(invoice);
        foreach (var line in invoice.Lines)
        {
            Row(csv, invoice.Number, issued, status, line.Code, line.Description, N(line.Quantity), N(line.UnitAmount), N(line.Amount), N(line.Discount), N(line.Total), invoice.Currency);
        }
        foreach (var (label, amount) in InvoiceText.Summary(invoice, creditNotes))
        {
            Row(csv, invoice.Number, issued, status, "summary", label, "", "", "", "", N(amount), invoice.Currency);
        }
        foreach (var note in creditNotes)
        {
            Row(csv, invoice.Number, issued, status, "credit_note", $"{note.Number}: {note.Reason}", "", "", "", "", N(-note.Amount), note.Currency);
        }
        return csv.ToString();
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Row(StringBuilder csv, params string[] fields)
    {
        csv.AppendJoin(',', fields.Select(CsvCells.Neutralise).Select(Quote)).Append("\r\n");
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
}
