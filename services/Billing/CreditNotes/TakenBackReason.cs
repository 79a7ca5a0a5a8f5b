using Reseller.Billing.Invoices.Issuing;

namespace Reseller.Billing.CreditNotes;

/// <summary>
/// The reason on the note that gives a client back the unused rest of a period it paid, when its partner took over paying
/// for the switch to a new cadence that started on it (<see cref="Invoices.TakenBackInvoices"/>), in the language of the invoice it credits.
/// </summary>
public static class TakenBackReason
{
    public static string In(string language) => InvoiceLanguages.Of(language) switch
    {
        InvoiceLanguages.French => "Remboursement de la partie non utilisée de la période : votre revendeur a repris le paiement de la nouvelle période de facturation",
        InvoiceLanguages.German => "Erstattung des ungenutzten Teils des Zeitraums: Ihr Wiederverkäufer hat die Zahlung des neuen Abrechnungszeitraums übernommen",
        InvoiceLanguages.Italian => "Rimborso della parte non utilizzata del periodo: il vostro rivenditore ha preso in carico il pagamento del nuovo periodo di fatturazione",
        _ => "Unused part of the period refunded: your reseller took over paying for the new billing period",
    };
}
