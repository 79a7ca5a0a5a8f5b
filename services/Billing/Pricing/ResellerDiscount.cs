namespace Reseller.Billing.Pricing;

/// <summary>The reseller discount by the partner's number of paid accounts at charge time (the one being charged included).</summary>
public static class ResellerDiscount
{
    public static int PercentFor(int paidAccounts) => paidAccounts switch
    {
        <= 0 => 0,
        <= 4 => 10,
        <= 24 => 20,
        _ => 30,
    };
}
