using Reseller.Billing.Invoices.Issuing;

namespace Reseller.Billing.CreditNotes;

/// <summary>
/// The reason on the note that gives back an upgrade prorated over a period its account never ran
/// (<see cref="UnrunPeriodProrations"/>), in the language of the invoice it credits.
/// </summary>
public static class UnrunPeriodReason
{
    public static string In(string language) => InvoiceLanguages.Of(language) switch
    {
        InvoiceLanguages.French => "Changement de formule annulé : le compte a pris fin avant la période facturée, restée impayée",
        InvoiceLanguages.German => "Tarifänderung storniert: Das Konto endete vor dem berechneten, unbezahlten Zeitraum",
        InvoiceLanguages.Italian => "Cambio di piano annullato: l'account è terminato prima del periodo fatturato, rimasto non pagato",
        _ => "Plan change cancelled: the account ended before the period it was for, which was never paid",
    };
}
