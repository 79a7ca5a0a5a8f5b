namespace Reseller.Billing.Invoices.Issuing;

/// <summary>What an invoice carries beside its price, fixed when it is issued: the two parties, the language, tax and term.</summary>
public sealed record InvoiceHeading(InvoiceParty Issuer, InvoiceParty BillTo, string Language, decimal TaxRatePercent, bool ReverseCharge, int PaymentTermDays)
{
    /// <summary>No parties known (tests, old invoices): English, untaxed, due on issue.</summary>
    public static InvoiceHeading None => new(new InvoiceParty(), new InvoiceParty(), InvoiceLanguages.English, 0m, false, 0);
}
