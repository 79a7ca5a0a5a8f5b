namespace Reseller.Contracts.Catalog;

public sealed record CatalogProduct(
    string Code,
    string Name,
    string Pricing,
    int? BandSize,
    int? MaxContacts,
    long? ExtraSeatPrice,
    IReadOnlyList<CatalogTier> Tiers,
    IReadOnlyList<CatalogAddOn>? AddOns)
{
    public CatalogTier? FindTier(string code) => Tiers.FirstOrDefault(t => t.Code == code);

    public CatalogAddOn? FindAddOn(string code) => AddOns?.FirstOrDefault(a => a.Code == code);
}
