namespace Reseller.Contracts.Catalog;

/// <summary>A tier: contacts-band tiers have Price/BandPrice/IncludedSeats; per-unit tiers have UnitPrice/MinimumUnits.</summary>
public sealed record CatalogTier(
    string Code,
    long? Price,
    long? BandPrice,
    int? IncludedSeats,
    bool? AllowsSms,
    long? UnitPrice,
    int? MinimumUnits);
