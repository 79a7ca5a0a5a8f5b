using Reseller.Billing.Invoices.Issuing;

namespace Reseller.Billing.CreditNotes;

/// <summary>
/// The reason on the note that gives back a renewal paid after its account expired (<see cref="RenewalOfExpiredAccountConsumer"/>),
/// in the language of the invoice it credits: the system writes it, so it speaks the payer's language as the document does.
/// </summary>
public static class ExpiredRenewalReason
{
    public static string In(string language) => InvoiceLanguages.Of(language) switch
    {
        InvoiceLanguages.French => "Renouvellement annulé : le compte avait expiré avant la réception de ce paiement",
        InvoiceLanguages.German => "Verlängerung storniert: Das Konto war vor Eingang dieser Zahlung abgelaufen",
        InvoiceLanguages.Italian => "Rinnovo annullato: l'account era scaduto prima della ricezione di questo pagamento",
        _ => "Renewal cancelled: the account had expired before this payment reached it",
    };
}
