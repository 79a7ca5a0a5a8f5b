namespace Reseller.Billing.Invoices.Issuing;

/// <summary>
/// How invoices are taxed and when they fall due: <c>Billing__Invoices__TaxRates__FR=20</c> sets a rate (percent) per
/// payer country (none configured: 0 %), <c>Billing__Invoices__PaymentTermDays</c> the days between issue and due date.
/// </summary>
public sealed class InvoicingOptions
{
    public const string Section = "Billing:Invoices";

    public Dictionary<string, decimal> TaxRates { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public int PaymentTermDays { get; set; }
}
