namespace Reseller.Partners.Commissions;

public static class EarningKinds
{
    public const string Commission = "commission";
    public const string Cashback = "cashback";
    public const string Reversal = "reversal";
}
