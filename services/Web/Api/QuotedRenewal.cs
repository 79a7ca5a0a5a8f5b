namespace Reseller.Web.Api;

public sealed record QuotedRenewal(Money List, int DiscountPercent, Money Discount, Money Total, Money Tax, Money TotalWithTax);
