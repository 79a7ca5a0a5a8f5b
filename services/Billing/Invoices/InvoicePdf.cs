using System.Globalization;
using System.Text;

using Reseller.Billing.CreditNotes;

namespace Reseller.Billing.Invoices;

/// <summary>
/// The invoice as a PDF 1.4 document written by hand (no package): one A4 page per 60 lines of Helvetica text, with a
/// correct cross-reference table, so any PDF reader opens it. Text outside Latin-1 is replaced by '?'.
/// </summary>
public static class InvoicePdf
{
    private const int LinesPerPage = 60;

    public static byte[] Render(Invoice invoice, IReadOnlyList<CreditNote> creditNotes)
    {
        var pages = Text(invoice, creditNotes).Chunk(LinesPerPage).ToList();
        // Objects: 1 catalog, 2 page tree, 3 font, then per page its page object and its content stream.
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            $"<< /Type /Pages /Kids [{string.Join(' ', pages.Select((_, i) => $"{4 + (2 * i)} 0 R"))}] /Count {pages.Count} >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        };
        foreach (var (lines, index) in pages.Select((p, i) => (p, i)))
        {
            var content = new StringBuilder("BT /F1 10 Tf 14 TL 50 800 Td\n");
            foreach (var line in lines)
            {
                content.Append('(').Append(Escape(line)).Append(") Tj T*\n");
            }
            content.Append("ET");
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {5 + (2 * index)} 0 R >>");
            objects.Add($"<< /Length {Latin1.GetByteCount(content.ToString())} >>\nstream\n{content}\nendstream");
        }

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Latin1.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Latin1.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Latin1.GetBytes(pdf.ToString());
    }

    private static Encoding Latin1 { get; } = Encoding.GetEncoding("ISO-8859-1", EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);

    private static IEnumerable<string> Text(Invoice invoice, IReadOnlyList<CreditNote> creditNotes)
    {
        yield return $"Invoice {invoice.Number}";
        yield return $"Status: {InvoiceText.Status(invoice)}    Issued: {invoice.IssuedAt.UtcDateTime:yyyy-MM-dd}    Paid by: {invoice.Payer}";
        yield return $"Period: {invoice.PeriodStart:yyyy-MM-dd} to {invoice.PeriodEnd:yyyy-MM-dd}";
        yield return "";
        foreach (var line in invoice.Lines)
        {
            yield return $"{line.Description}";
            yield return $"    {line.Quantity} x {InvoiceText.Money(line.UnitAmount)} = {InvoiceText.Money(line.Amount)}, discount {InvoiceText.Money(line.Discount)}, total {InvoiceText.Money(line.Total)} {invoice.Currency}";
        }
        yield return "";
        foreach (var (label, amount) in InvoiceText.Summary(invoice, creditNotes))
        {
            yield return $"{label}: {InvoiceText.Money(amount)} {invoice.Currency}";
        }
        foreach (var note in creditNotes)
        {
            yield return $"Credit note {note.Number} ({note.IssuedAt.UtcDateTime:yyyy-MM-dd}): {InvoiceText.Money(note.Amount)} {note.Currency}, {note.Reason}";
        }
    }

    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '(' or ')' or '\\' => "\\" + c,
                < ' ' => " ",
                > '\u00ff' => "?",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }
}
