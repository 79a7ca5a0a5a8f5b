using Reseller.Billing.Invoices.Issuing;

namespace Reseller.Billing.CreditNotes;

/// <summary>
/// The reason on the note that gives back an upgrade prorated over a period whose renewal was never paid
/// (<see cref="WrittenOffRenewalConsumer"/>), in the language of the invoice it credits.
/// </summary>
public static class WrittenOffRenewalReason
{
    public static string In(string language) => InvoiceLanguages.Of(language) switch
    {
        InvoiceLanguages.French => "Changement de formule annulé : le renouvellement de sa période n'a jamais été payé",
        InvoiceLanguages.German => "Tarifänderung storniert: Die Verlängerung ihres Zeitraums wurde nie bezahlt",
        InvoiceLanguages.Italian => "Cambio di piano annullato: il rinnovo del suo periodo non è mai stato pagato",
        _ => "Plan change cancelled: the renewal of its period was never paid",
    };
}
