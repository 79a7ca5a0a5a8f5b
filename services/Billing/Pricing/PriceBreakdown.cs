namespace Reseller.Billing.Pricing;

public sealed record PriceBreakdown(IReadOnlyList<PriceLine> Lines, string Currency, int DiscountPercent)
{
    public long Subtotal => Lines.Sum(l => l.Amount);
    public long Discount => Lines.Sum(l => l.Discount);
    public long Total => Lines.Sum(l => l.Total);
}
