namespace Reseller.Web.Api;

public sealed record Catalog(string Currency, IReadOnlyList<CatalogProduct> Products);
