namespace Reseller.Web.Api;

public sealed record CatalogTier(string Code, int? MinimumUnits, bool? AllowsSms = null);
