namespace Reseller.Web.Api;

/// <summary>POST /quotes with account_id: what the change charges now (its total), and when it applies.</summary>
public sealed record ChangeQuote(Money List, int DiscountPercent, Money Discount, Money Total, QuotedChange Change);
