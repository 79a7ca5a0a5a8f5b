using Reseller.Billing.Invoices.Issuing;

namespace Reseller.Billing.CreditNotes;

/// <summary>
/// The reason on the note that gives a payer back the unused rest of a period it paid, when a switch to a new cadence
/// started a new period that another payer pays, or that the same payer pays at another tax (<see cref="Invoices.UnusedPeriod"/>),
/// in the language of the invoice it credits.
/// </summary>
public static class NewPeriodReason
{
    public static string In(string language) => InvoiceLanguages.Of(language) switch
    {
        InvoiceLanguages.French => "Remboursement de la partie non utilisée de la période : le compte a commencé une nouvelle période de facturation, payée par un autre payeur",
        InvoiceLanguages.German => "Erstattung des ungenutzten Teils des Zeitraums: Das Konto hat einen neuen Abrechnungszeitraum begonnen, den ein anderer Zahler bezahlt",
        InvoiceLanguages.Italian => "Rimborso della parte non utilizzata del periodo: l'account ha iniziato un nuovo periodo di fatturazione, pagato da un altro pagatore",
        _ => "Unused part of the period refunded: the account started a new billing period that another payer pays",
    };

    public static string AtAnotherTaxIn(string language) => InvoiceLanguages.Of(language) switch
    {
        InvoiceLanguages.French => "Remboursement de la partie non utilisée de la période : le compte a commencé une nouvelle période de facturation, soumise à une autre taxe",
        InvoiceLanguages.German => "Erstattung des ungenutzten Teils des Zeitraums: Das Konto hat einen neuen Abrechnungszeitraum begonnen, der anders besteuert wird",
        InvoiceLanguages.Italian => "Rimborso della parte non utilizzata del periodo: l'account ha iniziato un nuovo periodo di fatturazione, soggetto a un'altra imposta",
        _ => "Unused part of the period refunded: the account started a new billing period, taxed otherwise",
    };
}
