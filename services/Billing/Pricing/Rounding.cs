namespace Reseller.Billing.Pricing;

public static class Rounding
{
    /// <summary>amount × numerator / denominator in minor units, rounded half-to-even to the cent.</summary>
    public static long Fraction(long amount, long numerator, long denominator) =>
        (long)Math.Round((decimal)amount * numerator / denominator, MidpointRounding.ToEven);
}
