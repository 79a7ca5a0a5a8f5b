using Reseller.ServiceDefaults.Ids;

namespace Reseller.Billing.Profiles;

public sealed record BillingProfileResponse(string Id, string Name, string Brand, string Last4, int ExpMonth, int ExpYear, DateTimeOffset CreatedAt)
{
    public const string IdPrefix = "bp";

    public static BillingProfileResponse From(BillingProfile p) =>
        new(PublicId.Format(IdPrefix, p.Id), p.Name, p.Brand, p.Last4, p.ExpMonth, p.ExpYear, p.CreatedAt);
}
