namespace Reseller.Billing.Invoices;

public static class InvoiceText
{
    public static string Status(Invoice invoice) => invoice.Status.ToString().ToLowerInvariant();
}
