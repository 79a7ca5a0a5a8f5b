namespace Reseller.Web.Api;

public sealed record AccountCustomer(string Name, string Email);
