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
        InvoiceLanguages.French => "Reste inutilisé de la période rendu : votre partenaire a repris le paiement du nouveau cycle de facturation",
        InvoiceLanguages.German => "Ungenutzter Rest des Zeitraums erstattet: Ihr Partner hat die Zahlung des neuen Abrechnungszeitraums übernommen",
        InvoiceLanguages.Italian => "Parte non utilizzata del periodo rimborsata: il partner ha preso in carico il pagamento del nuovo ciclo di fatturazione",
        _ => "Unused rest of the period refunded: your partner took over paying for the new billing cycle",
    };
}
