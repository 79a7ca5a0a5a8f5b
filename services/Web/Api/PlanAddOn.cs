namespace Reseller.Web.Api;

public sealed record PlanAddOn(string Code, int Quantity);
