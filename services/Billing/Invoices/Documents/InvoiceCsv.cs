using System.Globalization;
using System.Text;

namespace Reseller.Billing.Invoices.Documents;

/// <summary>
/// An invoice or credit note as RFC 4180 CSV: one header row, one row per line, then one row per printed field (its key in
/// <c>code</c>, its value in <c>description</c>), the summary rows and the credit notes; amounts in minor units, so a
/// spreadsheet adds them up exactly; dates ISO 8601 whatever the language.
/// </summary>
public static class InvoiceCsv
{
    public static string Render(InvoiceDocument d)
    {
        var csv = new StringBuilder();
        Row(csv, "invoice", "issued_at", "status", "code", "description", "quantity", "unit_amount", "amount", "discount", "total", "currency");
        var issued = d.IssuedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        foreach (var line in d.Lines)
        {
            Row(csv, d.Number, issued, d.Status, line.Code, line.Description, N(line.Quantity), N(line.UnitAmount), N(line.Amount), N(line.Discount), N(line.Total), d.Currency);
        }
        foreach (var (key, value) in Fields(d).Where(f => f.Value.Length > 0))
        {
            Row(csv, d.Number, issued, d.Status, key, value, "", "", "", "", "", d.Currency);
        }
        foreach (var (_, label, amount) in DocumentRows.Totals(d))
        {
            Row(csv, d.Number, issued, d.Status, "summary", label, "", "", "", "", N(amount), d.Currency);
        }
        foreach (var note in d.CreditNotes)
        {
            Row(csv, d.Number, issued, d.Status, "credit_note", $"{note.Number}: {note.Reason}", "", "", "", "", N(-note.Amount), d.Currency);
        }
        return csv.ToString();
    }

    private static IEnumerable<(string Key, string Value)> Fields(InvoiceDocument d)
    {
        yield return ("document", d.Kind == DocumentKind.Invoice ? "invoice" : "credit_note");
        yield return ("language", d.Language);
        if (d.InvoiceNumber is { } invoice)
        {
            yield return ("credited_invoice", invoice);
        }
        yield return ("due_date", Iso(d.DueDate));
        yield return ("period_start", Iso(d.PeriodStart));
        yield return ("period_end", Iso(d.PeriodEnd));
        foreach (var (prefix, party) in new[] { ("issuer", d.Issuer), ("bill_to", d.BillTo) })
        {
            yield return ($"{prefix}_name", party.Name);
            yield return ($"{prefix}_address", string.Join(", ", party.AddressLines));
            yield return ($"{prefix}_country", party.Country);
            yield return ($"{prefix}_vat_id", party.VatId ?? "");
            yield return ($"{prefix}_email", party.Email ?? "");
        }
        yield return ("tax_rate", d.TaxRate.ToString("0.##", CultureInfo.InvariantCulture));
        if (d.ReverseCharge)
        {
            yield return ("reverse_charge", d.Labels.ReverseCharge);
        }
        if (d.PrepaidCreditPack)
        {
            yield return ("prepaid_credit", d.Labels.PrepaidCreditUntaxed);
        }
        if (d.Card is { } card)
        {
            yield return ("card", $"{card.Brand} {card.Last4}");
        }
        yield return ("reason", d.Reason ?? "");
        yield return ("footer", string.Join(" · ", DocumentRows.Footer(d)));
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

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
