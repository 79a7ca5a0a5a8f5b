namespace Reseller.Billing.Pricing;

/// <summary>One line of a price: list amount, the discount on it (if discountable) and what remains.</summary>
public sealed record PriceLine(string Code, string Description, long Quantity, long UnitAmount, bool Discountable, long Discount = 0)
{
    public long Amount => Quantity * UnitAmount;
    public long Total => Amount - Discount;

    public PriceLine WithDiscountPercent(int percent) =>
        Discountable ? this with { Discount = Rounding.Fraction(Amount, percent, 100) } : this with { Discount = 0 };
}
