namespace Reseller.Billing.Invoices.Documents;

public enum DocumentKind
{
    Invoice,
    CreditNote,
}
