namespace Reseller.Partners.Commissions;

public static class StatementStatus
{
    public const string Pending = "pending";
    public const string Held = "held";
    public const string Paid = "paid";

    /// <summary>In a payout batch sent (or being sent) to the payout provider, its outcome not known yet.</summary>
    public const string Processing = "processing";
}
