namespace Reseller.Contracts.Catalog;

public static class PricingModels
{
    public const string ContactsBand = "contacts_band";
    public const string PerUser = "per_user";
    public const string PerLicence = "per_licence";
}
