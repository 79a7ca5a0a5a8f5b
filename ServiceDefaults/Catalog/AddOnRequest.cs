namespace Reseller.ServiceDefaults.Catalog;

public sealed record AddOnRequest(string? Code, int? Quantity);
