namespace Reseller.Partners.Partners;

/// <summary>
/// The reseller discount (docs/business-rules.md) by number of paid accounts: 1–4 → 10 %, 5–24 → 20 %, 25 or more → 30 %.
/// Billing applies it when charging; Partners shows where the partner stands and where the next step starts.
/// </summary>
public static class DiscountTiers
{
    private static readonly (int From, int Percent)[] Tiers = [(1, 10), (5, 20), (25, 30)];

    public static int PercentFor(int paidAccounts) => Tiers.LastOrDefault(t => paidAccounts >= t.From).Percent;

    /// <summary>The number of paid accounts at which the next higher discount starts, or null at the top tier.</summary>
    public static int? NextThreshold(int paidAccounts) => Tiers.Where(t => t.From > paidAccounts).Select(t => (int?)t.From).FirstOrDefault();
}
