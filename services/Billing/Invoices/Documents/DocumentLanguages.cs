using Reseller.Billing.Invoices.Issuing;

namespace Reseller.Billing.Invoices.Documents;

/// <summary>The labels of each language an invoice is written in (<see cref="InvoiceLanguages"/>).</summary>
public static class DocumentLanguages
{
    public static readonly DocumentLabels English = new(
        "Invoice", "Credit note", "Number", "Issue date", "Due date", "Service period", "{0} to {1}", "From", "Bill to", "VAT ID",
        "Description", "Quantity", "Unit price", "Discount", "Amount", "Subtotal", "Discount ({0} %)", "VAT ({0} %)", "Total",
        "Paid from prepaid credit", "Paid by card ({0} ending {1})", "Amount due",
        "Reverse charge: VAT to be accounted for by the recipient (Article 196 of Directive 2006/112/EC).",
        "Prepaid credit is a payment in advance: no VAT when it is bought; VAT is charged on the invoices it pays (Article 30b of Directive 2006/112/EC).",
        "Credit note for invoice {0}", "Reason", "Credited", "Credit notes", "Status", "open", "paid", "void", "uncollectible",
        '.', ",", "yyyy-MM-dd");

    public static readonly DocumentLabels French = new(
        "Facture", "Avoir", "Numéro", "Date d'émission", "Date d'échéance", "Période de service", "du {0} au {1}", "Émetteur", "Facturé à",
        "N° TVA", "Désignation", "Quantité", "Prix unitaire", "Remise", "Montant", "Sous-total", "Remise ({0} %)", "TVA ({0} %)", "Total",
        "Payé par crédit prépayé", "Payé par carte ({0} se terminant par {1})", "Montant dû",
        "Autoliquidation : TVA due par le preneur (article 196 de la directive 2006/112/CE).",
        "Le crédit prépayé est un paiement d'avance : pas de TVA à l'achat ; la TVA est facturée sur les factures qu'il règle (article 30 ter de la directive 2006/112/CE).",
        "Avoir sur la facture {0}", "Motif", "Crédité", "Avoirs", "Statut", "à payer", "payée", "annulée", "irrécouvrable",
        ',', " ", "dd/MM/yyyy")
    {
        Colon = " : ",
    };

    public static readonly DocumentLabels German = new(
        "Rechnung", "Gutschrift", "Nummer", "Rechnungsdatum", "Fälligkeitsdatum", "Leistungszeitraum", "{0} bis {1}", "Rechnungssteller",
        "Rechnungsempfänger", "USt-IdNr.", "Beschreibung", "Menge", "Einzelpreis", "Rabatt", "Betrag", "Zwischensumme", "Rabatt ({0} %)",
        "MwSt. ({0} %)", "Gesamtbetrag", "Bezahlt mit Prepaid-Guthaben", "Bezahlt mit Karte ({0} endend auf {1})", "Offener Betrag",
        "Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge, Art. 196 der Richtlinie 2006/112/EG).",
        "Prepaid-Guthaben ist eine Vorauszahlung: beim Kauf keine MwSt.; die MwSt. wird auf den damit bezahlten Rechnungen berechnet (Art. 30b der Richtlinie 2006/112/EG).",
        "Gutschrift zur Rechnung {0}", "Grund", "Gutgeschrieben", "Gutschriften", "Status", "offen", "bezahlt", "storniert", "uneinbringlich",
        ',', ".", "dd.MM.yyyy");

    public static readonly DocumentLabels Italian = new(
        "Fattura", "Nota di credito", "Numero", "Data di emissione", "Data di scadenza", "Periodo di servizio", "dal {0} al {1}", "Emittente",
        "Intestatario", "Partita IVA", "Descrizione", "Quantità", "Prezzo unitario", "Sconto", "Importo", "Subtotale", "Sconto ({0} %)",
        "IVA ({0} %)", "Totale", "Pagato con credito prepagato", "Pagato con carta ({0} che termina con {1})", "Importo dovuto",
        "Inversione contabile: IVA dovuta dal committente (art. 196 della direttiva 2006/112/CE).",
        "Il credito prepagato è un pagamento anticipato: nessuna IVA all'acquisto; l'IVA è applicata sulle fatture che salda (art. 30 ter della direttiva 2006/112/CE).",
        "Nota di credito relativa alla fattura {0}", "Motivo", "Accreditato", "Note di credito", "Stato", "da pagare", "pagata", "annullata",
        "inesigibile", ',', ".", "dd/MM/yyyy");

    public static DocumentLabels For(string language) => InvoiceLanguages.Of(language) switch
    {
        InvoiceLanguages.French => French,
        InvoiceLanguages.German => German,
        InvoiceLanguages.Italian => Italian,
        _ => English,
    };
}
