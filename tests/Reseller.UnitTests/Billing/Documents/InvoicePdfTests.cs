using Reseller.Billing.Invoices.Documents;

namespace Reseller.UnitTests.Billing.Documents;

/// <summary>The PDFs as a reader sees them: their text extracted by pdftotext, their first page rendered by pdftoppm.</summary>
public sealed class InvoicePdfTests
{
    [Fact]
    public void A_french_partners_invoice_prints_every_field_in_french()
    {
        var invoice = SampleDocuments.FrenchPartnerInvoice();

        var text = Poppler.Text(InvoicePdf.Render(InvoiceDocuments.ForInvoice(invoice, [], SampleDocuments.Card, SampleDocuments.Branding)), "invoice-fr");

        AssertContainsAll(text,
            "Facture RSL-2026-000123",
            "Numéro", "Date d'émission", "05/11/2026", "Date d'échéance", "19/11/2026", "Statut", "payée",
            "Période de service", "du 05/11/2026 au 05/12/2026",
            "Émetteur", "Reseller SAS", "12 rue de la Paix", "75002 Paris", "N° TVA FR12345678901", "billing@reseller.test",
            "Facturé à", "Agence Étoile SARL", "3 place Bellecour", "69002 Lyon", "N° TVA FR98765432109", "compta@etoile.test",
            "Désignation", "Quantité", "Prix unitaire", "Remise", "Montant",
            "Marketing plus, 1 000 contacts, 1 mois", "49,00", "4,90", "44,10",
            "Sièges supplémentaires, 1 mois", "5,00", "1,50", "13,50",
            "Sous-total", "64,00 EUR", "Remise (10 %)", "6,40 EUR", "TVA (20 %)", "11,52 EUR", "Total", "69,12 EUR",
            "Payé par crédit prépayé", "10,00 EUR", "Payé par carte (Visa se terminant par 4242)", "59,12 EUR", "Montant dû", "0,00 EUR",
            "Reseller SAS · N° TVA FR12345678901 · billing@reseller.test", "SAS au capital de 10 000 € · RCS Paris 123 456 789");
        Assert.DoesNotContain("Autoliquidation", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_german_business_customers_invoice_prints_every_field_in_german_with_the_reverse_charge()
    {
        var invoice = SampleDocuments.GermanCustomerInvoice();

        var text = Poppler.Text(InvoicePdf.Render(InvoiceDocuments.ForInvoice(invoice, [], null, SampleDocuments.Branding)), "invoice-de");

        AssertContainsAll(text,
            "Rechnung RSL-2026-000124",
            "Nummer", "Rechnungsdatum", "05.11.2026", "Fälligkeitsdatum", "19.11.2026", "Status", "offen",
            "Leistungszeitraum", "05.11.2026 bis 05.12.2026",
            "Rechnungssteller", "Reseller SAS", "12 rue de la Paix", "75002 Paris", "USt-IdNr. FR12345678901", "billing@reseller.test",
            "Rechnungsempfänger", "Jürgen Müller GmbH", "Königstraße 5", "70173 Stuttgart", "USt-IdNr. DE123456789",
            "Beschreibung", "Menge", "Einzelpreis", "Rabatt", "Betrag", "Marketing plus, 1.000 Kontakte, 1 Monat", "49,00",
            "Zwischensumme", "49,00 EUR", "Rabatt (0 %)", "MwSt. (0 %)", "Gesamtbetrag",
            "Bezahlt mit Prepaid-Guthaben", "9,00 EUR", "Bezahlt mit Karte", "0,00 EUR", "Offener Betrag", "40,00 EUR",
            "Steuerschuldnerschaft des Leistungsempfängers", "SAS au capital de 10 000 €");
    }

    [Fact]
    public void A_credit_note_prints_its_invoice_parties_and_tax_and_refers_to_its_invoice()
    {
        var invoice = SampleDocuments.FrenchPartnerInvoice();
        var note = SampleDocuments.CreditOn(invoice);

        var text = Poppler.Text(InvoicePdf.Render(InvoiceDocuments.ForCreditNote(note, invoice, creditedBefore: 0, SampleDocuments.Branding)), "credit-note-fr");

        AssertContainsAll(text,
            "Avoir CN-2026-000007", "Avoir sur la facture RSL-2026-000123", "Facture", "15/11/2026", "du 05/11/2026 au 05/12/2026",
            "Agence Étoile SARL", "N° TVA FR98765432109", "Reseller SAS", "N° TVA FR12345678901",
            "Geste commercial : panne du 3 novembre", "10,00", "Sous-total", "10,00 EUR", "TVA (20 %)", "2,00 EUR", "Total", "12,00 EUR",
            "Motif : Geste commercial");
        Assert.DoesNotContain("Motif:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_italian_invoice_prints_in_italian()
    {
        var text = Poppler.Text(InvoicePdf.Render(InvoiceDocuments.ForInvoice(SampleDocuments.ItalianPartnerInvoice(), [])), "invoice-it");

        AssertContainsAll(text, "Fattura RSL-2026-000125", "Intestatario", "Società Rossi S.r.l.", "Via Roma 1", "IVA (22 %)", "10,78 EUR", "Totale", "59,78 EUR", "Importo dovuto");
    }

    [Fact]
    public void The_invoice_and_the_credit_note_render_to_images_without_error()
    {
        var invoice = SampleDocuments.FrenchPartnerInvoice();
        var note = SampleDocuments.CreditOn(invoice);

        var pages = new[]
        {
            Poppler.Png(InvoicePdf.Render(InvoiceDocuments.ForInvoice(invoice, [note], SampleDocuments.Card, SampleDocuments.Branding)), "invoice"),
            Poppler.Png(InvoicePdf.Render(InvoiceDocuments.ForCreditNote(note, invoice, creditedBefore: 0, SampleDocuments.Branding)), "credit-note"),
        };

        foreach (var png in pages)
        {
            var bytes = File.ReadAllBytes(png);
            Assert.True(bytes.Length > 10_000, $"{png} is nearly empty");
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        }
    }

    [Fact]
    public void Many_lines_flow_onto_a_second_page()
    {
        var invoice = SampleDocuments.FrenchPartnerInvoice();
        var document = InvoiceDocuments.ForInvoice(invoice, []) with
        {
            Lines = Enumerable.Range(1, 80).Select(i => new Reseller.Billing.Invoices.InvoiceLine { Code = "x", Description = $"Ligne {i}", Quantity = 1, UnitAmount = 100, Amount = 100, Total = 100 }).ToList(),
        };

        var text = Poppler.Text(InvoicePdf.Render(document), "invoice-long");

        Assert.Contains("Ligne 80", text, StringComparison.Ordinal);
        Assert.Contains("2/2", text, StringComparison.Ordinal);
        Assert.Contains("Montant dû", text, StringComparison.Ordinal);
    }

    private static void AssertContainsAll(string text, params string[] expected)
    {
        var missing = expected.Where(e => !text.Contains(e, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"Missing from the PDF's text: {string.Join(" | ", missing)}\n---\n{text}");
    }
}
