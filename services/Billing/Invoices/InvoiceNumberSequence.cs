namespace Reseller.Billing.Invoices;

public sealed class InvoiceNumberSequence
{
    public string Issuer { get; private set; } = "";
    public int Year { get; private set; }
    public long LastNumber { get; private set; }
}
