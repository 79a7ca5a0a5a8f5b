namespace Reseller.Billing.Invoices;

public enum InvoiceStatus
{
    Open,
    Paid,
    Void,
    Uncollectible,
}
