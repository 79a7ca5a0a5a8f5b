namespace Reseller.Contracts.Catalog;

/// <summary>The catalog data file (catalog.json): products, tiers, add-ons and credit packs, list prices in minor units.</summary>
public sealed record ProductCatalog(
    string Currency,
    int AnnualMonths,
    int TrialDays,
    IReadOnlyList<CatalogProduct> Products,
    IReadOnlyDictionary<string, IReadOnlyList<CreditPack>> CreditPacks)
{
    public CatalogProduct? FindProduct(string code) => Products.FirstOrDefault(p => p.Code == code);
}
