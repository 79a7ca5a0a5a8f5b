namespace Reseller.Accounts.ResoldAccounts;

public sealed record PlanResponse(string Product, string Tier, int? Contacts, int? Seats, IReadOnlyList<AddOnResponse> AddOns, string Cadence);
