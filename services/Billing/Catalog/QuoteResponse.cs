using Reseller.Billing.Invoices;
using Reseller.Billing.Invoices.Issuing;
using Reseller.Billing.Pricing;
using Reseller.ServiceDefaults.Http;

namespace Reseller.Billing.Catalog;

/// <summary>
/// What the caller would pay now: the lines, list, discount and total before tax, then the tax of the payer's country
/// (the rule its invoice applies, <see cref="TaxRule"/>) and <see cref="TotalWithTax"/>, what its invoice will total and
/// its card be charged. For a change of an existing account the same fields are what the change charges now (the
/// prorated difference, or a new period), and <see cref="Change"/> says when it applies and what the renewal then costs;
/// it is null for a new account.
/// </summary>
public sealed record QuoteResponse(
    IReadOnlyList<InvoiceLineResponse> Lines,
    MoneyAmount List,
    int DiscountPercent,
    MoneyAmount Discount,
    MoneyAmount Total,
    decimal TaxRate,
    MoneyAmount Tax,
    bool ReverseCharge,
    MoneyAmount TotalWithTax,
    PlanChangeQuote? Change = null)
{
    public static QuoteResponse From(PriceBreakdown price, InvoiceHeading heading, PlanChangeQuote? change = null)
    {
        var tax = TaxRule.Tax(price.Total, heading.TaxRatePercent);
        return new(
            price.Lines.Select(l => InvoiceLineResponse.From(l, price.Currency)).ToList(),
            new MoneyAmount(price.Subtotal, price.Currency),
            price.DiscountPercent,
            new MoneyAmount(price.Discount, price.Currency),
            new MoneyAmount(price.Total, price.Currency),
            heading.TaxRatePercent,
            new MoneyAmount(tax, price.Currency),
            heading.ReverseCharge,
            new MoneyAmount(price.Total + tax, price.Currency),
            change);
    }
}
