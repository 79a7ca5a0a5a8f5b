namespace Reseller.Web.Api;

public sealed record Quote(Money List, int DiscountPercent, Money Discount, Money Total);
