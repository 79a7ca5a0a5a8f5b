namespace Reseller.Contracts.Catalog;

public sealed record PlanRequest(string? Product, string? Tier, int? Contacts, int? Seats, IReadOnlyList<AddOnRequest>? AddOns, string? Cadence);
