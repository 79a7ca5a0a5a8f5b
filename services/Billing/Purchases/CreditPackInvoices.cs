using Reseller.Billing.Invoices;
using Reseller.Billing.Pricing;
using Reseller.Contracts.Catalog;
using Reseller.Contracts.Credits;

namespace Reseller.Billing.Purchases;

/// <summary>The line of a credit-pack invoice: the catalog's pack price, never discounted.</summary>
public static class CreditPackInvoices
{
    public const string LineCodePrefix = "credits_";

    public static PriceBreakdown? Price(ProductCatalog catalog, string kind, long pack)
    {
        if (!catalog.CreditPacks.TryGetValue(kind, out var packs) || packs.FirstOrDefault(p => p.Size == pack) is not { } found)
        {
            return null;
        }
        var description = kind == CreditKinds.Prepaid ? $"Prepaid credit {pack} (minor units)" : $"{pack} {kind} credits";
        return new PriceBreakdown([new PriceLine(LineCodePrefix + kind, description, 1, found.Price, Discountable: false)], catalog.Currency, 0);
    }

    public static bool IsPrepaidPack(Invoice invoice) => invoice.Lines.Any(l => l.Code == LineCodePrefix + CreditKinds.Prepaid);
}
