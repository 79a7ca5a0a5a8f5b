namespace Reseller.Contracts.Catalog;

public sealed record AddOnRequest(string? Code, int? Quantity);
