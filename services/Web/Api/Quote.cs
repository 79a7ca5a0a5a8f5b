namespace Reseller.Web.Api;

/// <summary>POST /quotes: the price before tax, then the payer's tax and what its card is charged.</summary>
public sealed record Quote(Money List, int DiscountPercent, Money Discount, Money Total, decimal TaxRate, Money Tax, bool ReverseCharge, Money TotalWithTax);
