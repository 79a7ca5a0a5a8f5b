namespace Reseller.Web.Api;

/// <summary>POST /quotes with account_id: what the change charges now (before tax, its tax, with tax), and when it applies.</summary>
public sealed record ChangeQuote(Money List, int DiscountPercent, Money Discount, Money Total, decimal TaxRate, Money Tax, bool ReverseCharge, Money TotalWithTax, QuotedChange Change);
