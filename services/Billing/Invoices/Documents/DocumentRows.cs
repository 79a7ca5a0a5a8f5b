using Reseller.Contracts.Billing;

namespace Reseller.Billing.Invoices.Documents;

/// <summary>
/// The document's head and totals as (label, value) rows in the one order every format prints them, so the PDF, HTML and
/// CSV cannot drift apart.
/// </summary>
public static class DocumentRows
{
    /// <summary>Number, dates, period, status, and for a credit note its invoice.</summary>
    public static IReadOnlyList<(string Key, string Label, string Value)> Heading(InvoiceDocument d)
    {
        var l = d.Labels;
        var rows = new List<(string, string, string)>
        {
            ("number", l.Number, d.Number),
            ("issue_date", l.IssueDate, DocumentFormat.Date(d.IssueDate, l)),
        };
        if (d.Kind == DocumentKind.Invoice)
        {
            rows.Add(("due_date", l.DueDate, DocumentFormat.Date(d.DueDate, l)));
            rows.Add(("status", l.Status, l.StatusName(d.Status)));
        }
        else
        {
            rows.Add(("invoice", l.Invoice, d.InvoiceNumber ?? ""));
        }
        rows.Add(("service_period", l.ServicePeriod,
            DocumentFormat.Label(l.PeriodRange, DocumentFormat.Date(d.PeriodStart, l), DocumentFormat.Date(d.PeriodEnd, l))));
        return rows;
    }

    /// <summary>Subtotal, discount, tax, total, then how an invoice was paid and what is still due (a credit note: its total).</summary>
    public static IReadOnlyList<(string Key, string Label, long Amount)> Totals(InvoiceDocument d)
    {
        var l = d.Labels;
        var rows = new List<(string, string, long)>
        {
            ("subtotal", l.Subtotal, d.Subtotal),
            ("discount", DocumentFormat.Label(l.DiscountPercent, d.DiscountPercent.ToString(System.Globalization.CultureInfo.InvariantCulture)), d.Discount),
            ("tax", DocumentFormat.Label(l.Tax, DocumentFormat.Rate(d.TaxRate, l)), d.Tax),
            ("total", l.Total, d.Total),
        };
        if (d.Kind == DocumentKind.Invoice)
        {
            rows.Add(("paid_prepaid", l.PaidByPrepaid, d.PaidByPrepaid));
            rows.Add(("paid_card", d.Card is { } card ? DocumentFormat.Label(l.PaidByCard, CardBrandNames.Display(card.Brand), card.Last4) : StripCard(l.PaidByCard), d.PaidByCard));
            rows.Add(("amount_due", l.AmountDue, d.AmountDue));
            if (d.CreditNotes.Count > 0)
            {
                rows.Add(("credited", l.Credited, d.CreditNotes.Sum(n => n.Amount)));
            }
        }
        return rows;
    }

    /// <summary>The party's lines as printed: name, address lines, country, VAT id, e-mail.</summary>
    public static IReadOnlyList<string> Party(Issuing.InvoiceParty party, DocumentLabels labels)
    {
        var lines = new List<string>();
        if (party.Name.Length > 0)
        {
            lines.Add(party.Name);
        }
        lines.AddRange(party.AddressLines);
        if (party.Country.Length > 0 && !party.AddressLines.Any(a => a.Equals(party.Country, StringComparison.OrdinalIgnoreCase)))
        {
            lines.Add(party.Country);
        }
        if (!string.IsNullOrWhiteSpace(party.VatId))
        {
            lines.Add(labels.VatId + " " + party.VatId);
        }
        if (!string.IsNullOrWhiteSpace(party.Email))
        {
            lines.Add(party.Email);
        }
        return lines;
    }

    /// <summary>The footer: the issuer's identity in one line, then the configured footer text.</summary>
    public static IReadOnlyList<string> Footer(InvoiceDocument d)
    {
        var identity = new[] { d.Issuer.Name, string.IsNullOrWhiteSpace(d.Issuer.VatId) ? "" : d.Labels.VatId + " " + d.Issuer.VatId, d.Issuer.Email ?? "" }
            .Where(s => s.Length > 0);
        return new[] { string.Join(" · ", identity), d.Branding.Footer }.Where(s => s.Length > 0).ToList();
    }

    private static string StripCard(string template) => template[..template.IndexOf(" (", StringComparison.Ordinal)];
}
