using Reseller.Billing.Invoices;
using Reseller.Billing.Pricing;
using Reseller.ServiceDefaults.Http;

namespace Reseller.Billing.Catalog;

/// <summary>
/// What the caller would pay now: the lines, list, discount and total. For a change of an existing account the same fields
/// are what the change charges now (the prorated difference, or a new period), and <see cref="Change"/> says when it
/// applies and what the renewal then costs; it is null for a new account.
/// </summary>
public sealed record QuoteResponse(IReadOnlyList<InvoiceLineResponse> Lines, MoneyAmount List, int DiscountPercent, MoneyAmount Discount, MoneyAmount Total, PlanChangeQuote? Change = null)
{
    public static QuoteResponse From(PriceBreakdown price, PlanChangeQuote? change = null) => new(
        price.Lines.Select(l => InvoiceLineResponse.From(l, price.Currency)).ToList(),
        new MoneyAmount(price.Subtotal, price.Currency),
        price.DiscountPercent,
        new MoneyAmount(price.Discount, price.Currency),
        new MoneyAmount(price.Total, price.Currency),
        change);
}
