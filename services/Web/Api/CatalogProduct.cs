namespace Reseller.Web.Api;

/// <summary>A product as the catalog sells it: priced by contact bands (with tiers) or per user.</summary>
public sealed record CatalogProduct(string Code, string Pricing, int? BandSize, int? MaxContacts, IReadOnlyList<CatalogTier> Tiers, IReadOnlyList<CatalogAddOn>? AddOns = null)
{
    public bool ByContacts => Pricing == "contacts_band";
}
