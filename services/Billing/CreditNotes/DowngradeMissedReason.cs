using Reseller.Billing.Invoices.Issuing;

namespace Reseller.Billing.CreditNotes;

/// <summary>
/// The reason on the note that gives back what a paid renewal charged over the downgrade made before it was issued
/// (<see cref="Invoices.DowngradesHeardLate"/>), in the language of the invoice it credits.
/// </summary>
public static class DowngradeMissedReason
{
    public static string In(string language) => InvoiceLanguages.Of(language) switch
    {
        InvoiceLanguages.French => "Rétrogradation appliquée au renouvellement : elle avait été faite avant son émission",
        InvoiceLanguages.German => "Herabstufung auf die Verlängerung angewendet: Sie wurde vor deren Ausstellung vorgenommen",
        InvoiceLanguages.Italian => "Downgrade applicato al rinnovo: era stato richiesto prima della sua emissione",
        _ => "Downgrade applied to this renewal: it was made before the renewal was issued",
    };
}
