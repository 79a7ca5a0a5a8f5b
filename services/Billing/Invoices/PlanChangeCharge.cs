using Reseller.Billing.Pricing;

namespace Reseller.Billing.Invoices;

/// <summary>
/// What a plan change charges now: the invoice's purpose, the period it covers and its price. <see cref="StartsNewPeriod"/>
/// is a new anniversary from the change date (a trial turned paid, an expired account, a new cadence); otherwise the price
/// is the prorated difference for the rest of the current period. <see cref="EndsPeriodPaidAt"/>, when set: the new period
/// cuts short a period paid (a new cadence), whose unused rest the new invoice credits at its heading's tax and the rest
/// goes back by notes (<see cref="UnusedPeriod"/>).
/// </summary>
public sealed record PlanChangeCharge(
    string Purpose, DateOnly PeriodStart, DateOnly PeriodEnd, PriceBreakdown Price, bool StartsNewPeriod, Issuing.InvoiceHeading? EndsPeriodPaidAt = null);
