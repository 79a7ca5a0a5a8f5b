namespace Reseller.Web.Api;

public sealed record AccountSnapshot(string Id, string? Label, DateTimeOffset CreatedAt, PlanRequest Plan);
