using Reseller.Contracts.Billing;

namespace Reseller.Billing.Invoices;

public static class InvoicePeriods
{
    /// <summary>
    /// The purposes of the one invoice an account may have for a period, unless voided: the unique (account, period) index
    /// holds them to it (<see cref="HeldPeriodFilter"/>), and the renewal job looks for them before it issues.
    /// </summary>
    public static readonly string[] PeriodHoldingPurposes = [InvoicePurposes.FirstPeriod, InvoicePurposes.Renewal];

    /// <summary>The unique (account, period) index's filter: an invoice of <see cref="PeriodHoldingPurposes"/>, not voided.</summary>
    public static string HeldPeriodFilter =>
        $"purpose IN ({string.Join(", ", PeriodHoldingPurposes.Select(p => $"'{p}'"))}) AND status <> '{InvoiceStatus.Void}'";

    /// <summary>Whether paying an invoice of this purpose pays the account's period (and so starts or continues it).</summary>
    public static bool CoversPeriod(string purpose) =>
        purpose is InvoicePurposes.FirstPeriod or InvoicePurposes.Renewal or InvoicePurposes.PlanChange;
}
