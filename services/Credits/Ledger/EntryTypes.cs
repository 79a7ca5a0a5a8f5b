namespace Reseller.Credits.Ledger;

/// <summary>What moved credit: the entry_type of a ledger entry.</summary>
public static class EntryTypes
{
    public const string Purchase = "purchase";
    public const string Assignment = "assignment";
    public const string Unassignment = "unassignment";
    public const string Consumption = "consumption";
    public const string Reservation = "reservation";
    public const string Release = "release";
    public const string Return = "return";
    public const string Refund = "refund";
}
