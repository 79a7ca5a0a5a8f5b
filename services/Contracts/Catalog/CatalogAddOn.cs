namespace Reseller.Contracts.Catalog;

public sealed record CatalogAddOn(
    string Code,
    string Name,
    long UnitPrice,
    bool Discountable,
    int? TrialQuantity,
    bool? RequiresSmsTier);
