using Reseller.Billing.Invoices;
using Reseller.Billing.Pricing;
using Reseller.ServiceDefaults.Http;

namespace Reseller.Billing.Catalog;

public sealed record QuoteResponse(IReadOnlyList<InvoiceLineResponse> Lines, MoneyAmount List, int DiscountPercent, MoneyAmount Discount, MoneyAmount Total)
{
    public static QuoteResponse From(PriceBreakdown price) => new(
        price.Lines.Select(l => InvoiceLineResponse.From(l, price.Currency)).ToList(),
        new MoneyAmount(price.Subtotal, price.Currency),
        price.DiscountPercent,
        new MoneyAmount(price.Discount, price.Currency),
        new MoneyAmount(price.Total, price.Currency));
}
