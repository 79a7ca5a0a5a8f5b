using Reseller.Contracts.Billing;

namespace Reseller.Billing.Invoices;

public static class InvoicePeriods
{
    /// <summary>Whether paying an invoice of this purpose pays the account's period (and so starts or continues it).</summary>
    public static bool CoversPeriod(string purpose) =>
        purpose is InvoicePurposes.FirstPeriod or InvoicePurposes.Renewal or InvoicePurposes.PlanChange;
}
