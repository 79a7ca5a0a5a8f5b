using Reseller.Billing.Invoices;
using Reseller.Billing.Invoices.Issuing;
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
        return new PriceBreakdown([PriceLine.Of(LineCodePrefix + kind, new LineText.CreditPack(kind, pack, catalog.Currency), 1, found.Price, discountable: false)], catalog.Currency, 0);
    }

    /// <summary>
    /// The heading a pack is invoiced under. Prepaid credit is money paid ahead, spendable on any service in the catalog (a
    /// multi-purpose voucher, Article 30b of Directive 2006/112/EC): VAT is due on the invoices it pays, so taxing its pack
    /// too would tax the same service twice. SMS and compatibility credits buy one named service: taxed when bought.
    /// </summary>
    public static InvoiceHeading Heading(string kind, InvoiceHeading payersHeading) =>
        kind == CreditKinds.Prepaid ? payersHeading with { TaxRatePercent = 0m, ReverseCharge = false } : payersHeading;

    /// <summary>A prepaid pack invoiced under <see cref="Heading"/>: one taxed before that rule says nothing of it.</summary>
    public static bool IsUntaxedPrepaidPack(Invoice invoice) => IsPrepaidPack(invoice) && invoice.IsTaxedAs(0m, reverseCharge: false);

    public static bool IsPrepaidPack(Invoice invoice) => invoice.Lines.Any(l => l.Code == LineCodePrefix + CreditKinds.Prepaid);
}
