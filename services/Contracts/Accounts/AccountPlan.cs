namespace Reseller.Contracts.Accounts;

public sealed record AccountPlan(
    string Product,
    string Tier,
    int? Contacts,
    int? Seats,
    IReadOnlyList<AddOnQuantity> AddOns,
    string Cadence);
