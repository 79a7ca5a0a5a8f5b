namespace Reseller.Web.Api;

/// <summary>An add-on of a product: priced per unit (conversations seats) or free with the tier (unit price 0, e.g. SMS sending).</summary>
public sealed record CatalogAddOn(string Code, long UnitPrice, bool? RequiresSmsTier);
