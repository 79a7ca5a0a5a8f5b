namespace Reseller.Web.Api;

public sealed record BillingProfile(string Id, string Name, string Brand, string Last4, int ExpMonth, int ExpYear, DateTimeOffset CreatedAt);
