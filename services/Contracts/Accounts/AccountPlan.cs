namespace Reseller.Contracts.Accounts;

public sealed record AccountPlan(
    string Product,
    string Tier,
    int? Contacts,
    int? Seats,
    IReadOnlyList<AddOnQuantity> AddOns,
    string Cadence)
{
    /// <summary>The same plan, seats, licences and add-ons, whatever order the add-ons are listed in (a record compares lists by reference).</summary>
    public bool IsSameAs(AccountPlan other) =>
        Product == other.Product && Tier == other.Tier && Contacts == other.Contacts && Seats == other.Seats && Cadence == other.Cadence
        && AddOns.OrderBy(a => a.Code, StringComparer.Ordinal).SequenceEqual(other.AddOns.OrderBy(a => a.Code, StringComparer.Ordinal));
}
