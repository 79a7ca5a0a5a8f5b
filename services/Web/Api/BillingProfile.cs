using Reseller.Contracts.Billing;

namespace Reseller.Web.Api;

public sealed record BillingProfile(string Id, string Name, string Brand, string Last4, int ExpMonth, int ExpYear, DateTimeOffset CreatedAt)
{
    /// <summary>The brand as people know it ("Visa"), as the invoices print it, not the provider's code ("visa").</summary>
    public string BrandName => CardBrandNames.Display(Brand);
}
