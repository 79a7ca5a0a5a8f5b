using Reseller.Billing.Pricing;

namespace Reseller.Billing.Invoices;

/// <summary>
/// A paid invoice for part of an account's current period (its first period or renewal, an upgrade's proration), as a
/// switch to a new cadence credits it: what the payer paid for the service before tax, less what credit notes gave back.
/// </summary>
public sealed record PaidForPeriod(long Net, long Total, long Credited, DateOnly PeriodStart, DateOnly PeriodEnd)
{
    /// <summary>
    /// The unused part from <paramref name="changedOn"/>, over the invoice's own days (a proration covers only the tail of
    /// the period). Net of tax: the credit is a line of the new invoice, which is taxed itself.
    /// </summary>
    public long UnusedOn(DateOnly changedOn)
    {
        var stillPaid = Total <= 0 ? 0 : Rounding.Fraction(Net, Math.Max(Total - Credited, 0), Total);
        return Proration.UnusedCredit(stillPaid, changedOn, PeriodStart, PeriodEnd);
    }
}
