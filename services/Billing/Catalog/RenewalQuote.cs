using Reseller.ServiceDefaults.Http;

namespace Reseller.Billing.Catalog;

/// <summary>One period of the plan at the renewal, at the discount of today.</summary>
public sealed record RenewalQuote(MoneyAmount List, int DiscountPercent, MoneyAmount Discount, MoneyAmount Total);
