namespace Reseller.Partners.Commissions;

public static class StatementStatus
{
    public const string Pending = "pending";
    public const string Held = "held";
    public const string Paid = "paid";
}
