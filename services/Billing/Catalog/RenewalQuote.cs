using Reseller.Billing.Invoices.Issuing;
using Reseller.Billing.Pricing;
using Reseller.ServiceDefaults.Http;

namespace Reseller.Billing.Catalog;

/// <summary>One period of the plan at the renewal, at the discount of today, before and with the payer's tax of today.</summary>
public sealed record RenewalQuote(MoneyAmount List, int DiscountPercent, MoneyAmount Discount, MoneyAmount Total, MoneyAmount Tax, MoneyAmount TotalWithTax)
{
    public static RenewalQuote From(PriceBreakdown price, InvoiceHeading heading)
    {
        var tax = TaxRule.Tax(price.Total, heading.TaxRatePercent);
        return new(new MoneyAmount(price.Subtotal, price.Currency), price.DiscountPercent, new MoneyAmount(price.Discount, price.Currency),
            new MoneyAmount(price.Total, price.Currency), new MoneyAmount(tax, price.Currency), new MoneyAmount(price.Total + tax, price.Currency));
    }
}
