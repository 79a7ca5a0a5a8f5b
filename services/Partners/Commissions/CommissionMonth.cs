using System.Globalization;

using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Commissions;

/// <summary>Months on the wire as <c>2026-11</c>.</summary>
public static class CommissionMonth
{
    public static string Format(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static DateOnly Parse(string? value, DateTimeOffset now)
    {
        if (value is null)
        {
            return EarningRules.MonthOf(now);
        }
        return DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month
            : throw ValidationErrors.Reject("month", "month must be a calendar month such as 2026-11.");
    }
}
