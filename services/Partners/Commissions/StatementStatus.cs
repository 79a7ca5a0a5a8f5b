namespace Reseller.Partners.Commissions;

public static class StatementStatus
{
    public const string Pending = "pending";
    public const string Held = "held";
    public const string Paid = "paid";

    /// <summary>In a payout batch sent (or being sent) to the payout provider, its outcome not known yet.</summary>
    public const string Processing = "processing";

    /// <summary>Closed with a negative total (credit notes took back more than the month earned): the later statement that
    /// carried it nets it against what the partner earned since; nothing is paid out on it.</summary>
    public const string CarriedForward = "carried_forward";
}
