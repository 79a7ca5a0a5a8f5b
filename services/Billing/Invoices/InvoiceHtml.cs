using System.Globalization;
using System.Net;
using System.Text;

using Reseller.Billing.CreditNotes;

namespace Reseller.Billing.Invoices;

/// <summary>The invoice as a self-contained HTML document, for viewing and printing.</summary>
public static class InvoiceHtml
{
    private const string Style = "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px}td.n{text-align:right}";

    public static string Render(Invoice invoice, IReadOnlyList<CreditNote> creditNotes)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Invoice {E(invoice.Number)}</title>
            <style>{Style}</style>
            </head><body>
            <h1>Invoice {E(invoice.Number)}</h1>
            <p>Status: {E(InvoiceText.Status(invoice))}<br>Issued: {invoice.IssuedAt.UtcDateTime:yyyy-MM-dd}<br>
            Period: {invoice.PeriodStart:yyyy-MM-dd} to {invoice.PeriodEnd:yyyy-MM-dd}<br>Paid by: {E(invoice.Payer)}</p>
            <table><thead><tr><th>Description</th><th>Quantity</th><th>Unit</th><th>Amount</th><th>Discount</th><th>Total</th></tr></thead><tbody>

            """);
        foreach (var line in invoice.Lines)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(line.Description)}</td><td class=\"n\">{line.Quantity}</td><td class=\"n\">{M(line.UnitAmount)}</td><td class=\"n\">{M(line.Amount)}</td><td class=\"n\">{M(line.Discount)}</td><td class=\"n\">{M(line.Total)}</td></tr>\n");
        }
        html.Append("</tbody></table>\n<table>\n");
        foreach (var (label, amount) in InvoiceText.Summary(invoice, creditNotes))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th>{E(label)}</th><td class=\"n\">{M(amount)} {E(invoice.Currency)}</td></tr>\n");
        }
        html.Append("</table>\n");
        if (creditNotes.Count > 0)
        {
            html.Append("<h2>Credit notes</h2>\n<ul>\n");
            foreach (var note in creditNotes)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{E(note.Number)} ({note.IssuedAt.UtcDateTime:yyyy-MM-dd}): {M(note.Amount)} {E(note.Currency)}, {E(note.Reason)}</li>\n");
            }
            html.Append("</ul>\n");
        }
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string M(long amount) => InvoiceText.Money(amount);
}
