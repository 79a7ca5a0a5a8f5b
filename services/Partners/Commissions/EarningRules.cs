using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;

namespace Reseller.Partners.Commissions;

/// <summary>
/// docs/business-rules.md "Partners and commissions": 20 % of each paid invoice of a referral (commission) account during its first
/// 12 months from creation, then nothing; 15 % cashback on each paid invoice of any other account paid by its customer;
/// nothing on invoices the partner pays. Shares are of the invoice's amount before VAT, rounded half-to-even to the cent.
/// </summary>
public static class EarningRules
{
    public const int CommissionPercent = 20;
    public const int CashbackPercent = 15;
    public const int CommissionMonths = 12;

    public static (string Kind, long Amount)? For(long invoiceNet, string payer, DateTimeOffset paidAt, DateTimeOffset? referredAt)
    {
        if (invoiceNet <= 0)
        {
            return null;
        }
        if (referredAt is { } start)
        {
            return paidAt < start.AddMonths(CommissionMonths) ? (EarningKinds.Commission, Percent(invoiceNet, CommissionPercent)) : null;
        }
        return payer == Payers.Customer ? (EarningKinds.Cashback, Percent(invoiceNet, CashbackPercent)) : null;
    }

    /// <summary>
    /// The share of an earning a credit note takes back: its cumulative share of the credited part of the invoice, less what
    /// the notes before it took (<see cref="CreditNoteShares"/>), never more than is left. A note from an older message,
    /// which does not say what was credited before it, takes its own share.
    /// </summary>
    public static long Reversal(long earned, long invoiceTotal, long creditedBefore, long credited, long alreadyReversed)
    {
        if (invoiceTotal <= 0 || earned <= 0)
        {
            return 0;
        }
        var share = CreditNoteShares.Of(earned, invoiceTotal, creditedBefore, credited, MidpointRounding.ToEven);
        return Math.Clamp(share, 0, earned - alreadyReversed);
    }

    public static long Percent(long amount, int percent) => (long)Math.Round(amount * percent / 100m, MidpointRounding.ToEven);

    public static DateOnly MonthOf(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return new DateOnly(utc.Year, utc.Month, 1);
    }
}
