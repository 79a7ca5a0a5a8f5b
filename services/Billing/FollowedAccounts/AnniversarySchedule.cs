using Reseller.Contracts.Catalog;

namespace Reseller.Billing.FollowedAccounts;

/// <summary>
/// Anniversary periods counted from the anchor date: period n starts at anchor + n months (or years). Counting from the
/// anchor, not from the previous period, makes the 29th–31st fall back to a short month's last day and return after it.
/// </summary>
public static class AnniversarySchedule
{
    public static DateOnly PeriodStart(DateOnly anchor, string cadence, int periodIndex) => cadence switch
    {
        PlanCadences.Annual => anchor.AddYears(periodIndex),
        _ => anchor.AddMonths(periodIndex),
    };
}
