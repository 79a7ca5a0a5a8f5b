namespace Reseller.Contracts.Catalog;

/// <summary>
/// The reseller discount by the partner's number of paid accounts (<see cref="Accounts.PaidAccounts"/>): 1–4 → 10 %,
/// 5–24 → 20 %, 25 or more → 30 %. Billing applies it when charging (the account being charged included); Partners shows
/// where the partner stands and where the next step starts.
/// </summary>
public static class ResellerDiscount
{
    private static readonly (int From, int Percent)[] Tiers = [(1, 10), (5, 20), (25, 30)];

    public static int PercentFor(int paidAccounts) => Tiers.LastOrDefault(t => paidAccounts >= t.From).Percent;

    /// <summary>The number of paid accounts at which the next higher discount starts, or null at the top tier.</summary>
    public static int? NextThreshold(int paidAccounts) => Tiers.Where(t => t.From > paidAccounts).Select(t => (int?)t.From).FirstOrDefault();
}
