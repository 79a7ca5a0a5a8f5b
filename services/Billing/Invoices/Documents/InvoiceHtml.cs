using System.Net;
using System.Text;

namespace Reseller.Billing.Invoices.Documents;

/// <summary>
/// An invoice or credit note as one self-contained HTML document (inline style, logo as a data URI), for viewing and printing.
/// It reads on a phone too (the links in the mails open it there): the parties stack below 600 px and the lines table
/// scrolls inside its own box instead of widening the page.
/// </summary>
public static class InvoiceHtml
{
    private const string Style =
        "body{font-family:'DejaVu Sans',sans-serif;margin:2em;color:#222}header{display:flex;justify-content:space-between;gap:2em}"
        + "img{max-height:60px;max-width:40vw}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}"
        + "td.n,th.n{text-align:right;white-space:nowrap}.scroll{overflow-x:auto;margin:1em 0}.scroll table{margin:0}"
        + ".lines td:first-child{min-width:12em}.parties{display:flex;gap:4em}.parties p{margin:.2em 0;overflow-wrap:anywhere}footer{margin-top:2em;font-size:.85em;color:#555}"
        + "@media (max-width:600px){body{margin:1em}header{flex-direction:column-reverse;gap:.5em}h1{font-size:1.5em}.parties{flex-direction:column;gap:0}}"
        + "@media print{.scroll{overflow:visible}}";

    public static string Render(InvoiceDocument d)
    {
        var l = d.Labels;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(E(d.Language)).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
            .Append(E(d.Title)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head><body>\n<header><div>");
        html.Append("<h1>").Append(E(d.Title)).Append("</h1>\n");
        if (d.Kind == DocumentKind.CreditNote)
        {
            html.Append("<p>").Append(E(DocumentFormat.Label(l.RefersToInvoice, d.InvoiceNumber ?? ""))).Append("</p>\n");
        }
        html.Append("</div>");
        if (d.Branding.Logo is { } logo)
        {
            html.Append("<img alt=\"\" src=\"data:").Append(d.Branding.LogoMediaType).Append(";base64,").Append(Convert.ToBase64String(logo)).Append("\">");
        }
        html.Append("</header>\n<table class=\"heading\">\n");
        foreach (var (_, label, value) in DocumentRows.Heading(d))
        {
            html.Append("<tr><th>").Append(E(label)).Append("</th><td>").Append(E(value)).Append("</td></tr>\n");
        }
        html.Append("</table>\n<div class=\"parties\">\n");
        Party(html, l.Issuer, DocumentRows.Party(d.Issuer, l));
        Party(html, l.BillTo, DocumentRows.Party(d.BillTo, l));
        // Focusable, so a keyboard can scroll the lines on a narrow screen.
        html.Append("</div>\n<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"").Append(E(d.Title)).Append("\">");
        html.Append("<table class=\"lines\"><thead><tr><th>").Append(E(l.Description)).Append("</th><th class=\"n\">").Append(E(l.Quantity))
            .Append("</th><th class=\"n\">").Append(E(l.UnitPrice)).Append("</th><th class=\"n\">").Append(E(l.Discount))
            .Append("</th><th class=\"n\">").Append(E(l.Amount)).Append("</th></tr></thead><tbody>\n");
        foreach (var line in d.Lines)
        {
            html.Append("<tr><td>").Append(E(line.Description)).Append("</td><td class=\"n\">").Append(line.Quantity)
                .Append("</td><td class=\"n\">").Append(M(line.UnitAmount, d)).Append("</td><td class=\"n\">").Append(M(line.Discount, d))
                .Append("</td><td class=\"n\">").Append(M(line.Total, d)).Append("</td></tr>\n");
        }
        html.Append("</tbody></table></div>\n<table class=\"totals\">\n");
        foreach (var (_, label, amount) in DocumentRows.Totals(d))
        {
            html.Append("<tr><th>").Append(E(label)).Append("</th><td class=\"n\">").Append(M(amount, d)).Append(' ').Append(E(d.Currency)).Append("</td></tr>\n");
        }
        html.Append("</table>\n");
        if (d.ReverseCharge)
        {
            html.Append("<p class=\"mention\">").Append(E(l.ReverseCharge)).Append("</p>\n");
        }
        if (d.PrepaidCreditPack)
        {
            html.Append("<p class=\"mention\">").Append(E(l.PrepaidCreditUntaxed)).Append("</p>\n");
        }
        if (d.Reason is { } reason)
        {
            html.Append("<p>").Append(E(l.Reason)).Append(E(l.Colon)).Append(E(reason)).Append("</p>\n");
        }
        if (d.CreditNotes.Count > 0)
        {
            html.Append("<h2>").Append(E(l.CreditNotes)).Append("</h2>\n<ul>\n");
            foreach (var note in d.CreditNotes)
            {
                html.Append("<li>").Append(E(note.Number)).Append(" (").Append(DocumentFormat.Date(note.IssueDate, l)).Append(')').Append(E(l.Colon))
                    .Append(M(note.Amount, d)).Append(' ').Append(E(d.Currency)).Append(", ").Append(E(note.Reason)).Append("</li>\n");
            }
            html.Append("</ul>\n");
        }
        html.Append("<footer>");
        html.AppendJoin("<br>", DocumentRows.Footer(d).Select(E));
        html.Append("</footer>\n</body></html>\n");
        return html.ToString();
    }

    private static void Party(StringBuilder html, string title, IReadOnlyList<string> lines)
    {
        html.Append("<section><h2>").Append(E(title)).Append("</h2>");
        foreach (var line in lines)
        {
            html.Append("<p>").Append(E(line)).Append("</p>");
        }
        html.Append("</section>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string M(long amount, InvoiceDocument d) => DocumentFormat.Amount(amount, d.Labels);
}
