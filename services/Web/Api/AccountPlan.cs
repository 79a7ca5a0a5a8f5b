namespace Reseller.Web.Api;

public sealed record AccountPlan(string Product, string Tier, int? Contacts, int? Seats, string Cadence, IReadOnlyList<PlanAddOn>? AddOns = null);
