using Reseller.Billing.Invoices.Documents;

namespace Reseller.UnitTests.Billing.Documents;

public sealed class InvoiceHtmlCsvTests
{
    [Fact]
    public void The_html_carries_the_same_fields_as_the_pdf_in_the_payers_language()
    {
        var invoice = SampleDocuments.FrenchPartnerInvoice();

        var html = InvoiceHtml.Render(InvoiceDocuments.ForInvoice(invoice, [SampleDocuments.CreditOn(invoice)], SampleDocuments.Card, SampleDocuments.Branding));

        foreach (var expected in new[]
        {
            "<html lang=\"fr\">", "<h1>Facture RSL-2026-000123</h1>", "19/11/2026", "du 05/11/2026 au 05/12/2026", "Agence Étoile SARL", "N° TVA FR98765432109",
            "Reseller SAS", "TVA (20 %)", "11,52 EUR", "69,12 EUR", "Payé par carte (Visa se terminant par 4242)", "59,12 EUR", "Montant dû",
            "CN-2026-000007", "SAS au capital de 10 000 €",
        })
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode(expected).Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&quot;", "\"", StringComparison.Ordinal), html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_html_fits_a_phone_its_lines_scrolling_in_their_own_box()
    {
        var html = InvoiceHtml.Render(InvoiceDocuments.ForInvoice(SampleDocuments.FrenchPartnerInvoice(), []));

        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html, StringComparison.Ordinal);
        Assert.Contains("@media (max-width:600px)", html, StringComparison.Ordinal);
        var box = html.IndexOf("<div class=\"scroll\"", StringComparison.Ordinal);
        var lines = html.IndexOf("<table class=\"lines\">", StringComparison.Ordinal);
        Assert.True(box >= 0 && lines > box && html.IndexOf("</table></div>", lines, StringComparison.Ordinal) > lines, "The lines table is not inside its scrolling box.");
    }

    [Fact]
    public void The_html_of_a_reverse_charge_invoice_carries_the_mention()
    {
        var html = InvoiceHtml.Render(InvoiceDocuments.ForInvoice(SampleDocuments.GermanCustomerInvoice(), []));

        Assert.Contains("<h1>Rechnung RSL-2026-000124</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Steuerschuldnerschaft des Leistungsempf&#228;ngers", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_prepaid_credit_pack_is_untaxed_and_its_invoice_says_why_in_the_payers_language()
    {
        var invoice = SampleDocuments.FrenchPrepaidPackInvoice();

        Assert.Equal((0m, 0L, 5000L, false), (invoice.TaxRate, invoice.Tax, invoice.Total, invoice.ReverseCharge));
        var html = System.Net.WebUtility.HtmlDecode(InvoiceHtml.Render(InvoiceDocuments.ForInvoice(invoice, [])));
        Assert.Contains("Le crédit prépayé est un paiement d'avance : pas de TVA à l'achat", html, StringComparison.Ordinal);
        Assert.Contains("prepaid_credit,", InvoiceCsv.Render(InvoiceDocuments.ForCreditNote(SampleDocuments.CreditOn(invoice), invoice, creditedBefore: 0)), StringComparison.Ordinal);
        Assert.Contains("Le crédit prépayé est un paiement d'avance", Poppler.Text(InvoicePdf.Render(InvoiceDocuments.ForInvoice(invoice, [])), "prepaid-pack-fr"),
            StringComparison.Ordinal);
        Assert.DoesNotContain("crédit prépayé est", System.Net.WebUtility.HtmlDecode(InvoiceHtml.Render(InvoiceDocuments.ForInvoice(SampleDocuments.FrenchPartnerInvoice(), []))), StringComparison.Ordinal);
    }

    [Fact]
    public void The_csv_names_each_field_by_a_stable_key_whatever_the_language()
    {
        var invoice = SampleDocuments.GermanCustomerInvoice();

        var rows = InvoiceCsv.Render(InvoiceDocuments.ForInvoice(invoice, [])).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("invoice,issued_at,status,code,description,quantity,unit_amount,amount,discount,total,currency", rows[0]);
        Assert.Equal("RSL-2026-000124,2026-11-05T09:30:00Z,open,plan,\"Marketing plus, 1.000 Kontakte, 1 Monat\",1,4900,4900,0,4900,EUR", rows[1]);
        foreach (var expected in new[]
        {
            "language,de,", "due_date,2026-11-19,", "period_start,2026-11-05,", "period_end,2026-12-05,",
            "issuer_name,Reseller SAS,", "issuer_address,\"12 rue de la Paix, 75002 Paris\",", "issuer_vat_id,FR12345678901,",
            "bill_to_name,Jürgen Müller GmbH,", "bill_to_country,DE,", "bill_to_vat_id,DE123456789,", "tax_rate,0,", "reverse_charge,\"Steuerschuldnerschaft",
            "summary,MwSt. (0 %),,,,,0,EUR", "summary,Gesamtbetrag,,,,,4900,EUR", "summary,Bezahlt mit Prepaid-Guthaben,,,,,900,EUR", "summary,Offener Betrag,,,,,4000,EUR",
        })
        {
            Assert.Contains(rows, r => r.Contains("," + expected, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_csv_of_a_credit_note_names_its_invoice_and_reason()
    {
        var invoice = SampleDocuments.FrenchPartnerInvoice();

        var csv = InvoiceCsv.Render(InvoiceDocuments.ForCreditNote(SampleDocuments.CreditOn(invoice), invoice, creditedBefore: 0));

        Assert.Contains("CN-2026-000007,2026-11-15T09:30:00Z,issued,credited_invoice,RSL-2026-000123,", csv, StringComparison.Ordinal);
        Assert.Contains(",document,credit_note,", csv, StringComparison.Ordinal);
        Assert.Contains(",summary,TVA (20 %),,,,,200,EUR", csv, StringComparison.Ordinal);
        Assert.Contains(",summary,Total,,,,,1200,EUR", csv, StringComparison.Ordinal);
    }
}
