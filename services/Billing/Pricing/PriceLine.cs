using Reseller.Billing.Invoices.Issuing;

namespace Reseller.Billing.Pricing;

/// <summary>
/// One line of a price: list amount, the discount on it (if discountable) and what remains. <see cref="Description"/> is in
/// English; <see cref="Text"/>, when the line has one, is what an invoice writes in its own language.
/// </summary>
public sealed record PriceLine(string Code, string Description, long Quantity, long UnitAmount, bool Discountable, long Discount = 0)
{
    public LineText? Text { get; init; }

    public static PriceLine Of(string code, LineText text, long quantity, long unitAmount, bool discountable) =>
        new(code, text.Say(LineWords.English), quantity, unitAmount, discountable) { Text = text };

    /// <summary>The line's words in <paramref name="language"/>: its text's, or its description as it was written.</summary>
    public string DescriptionIn(string language) => Text?.In(language) ?? Description;

    public long Amount => Quantity * UnitAmount;
    public long Total => Amount - Discount;

    public PriceLine WithDiscountPercent(int percent) =>
        Discountable ? this with { Discount = Rounding.Fraction(Amount, percent, 100) } : this with { Discount = 0 };
}
