namespace Reseller.Billing.Prepaid;

/// <summary>
/// The prepaid part of a payment attempt: <see cref="Fixed"/> is what was taken off the card's amount when the attempt was
/// first charged (a repeat must ask the card for the same rest, under the same idempotency key); <see cref="Held"/> is what
/// Credits still holds for it. They differ only when the hold lapsed while the charge took long, and its credit was given
/// back: the attempt then cannot pay its invoice whole, and the card part it took is refunded.
/// </summary>
public readonly record struct PrepaidPart(long Fixed, long Held)
{
    public static PrepaidPart Whole(long amount) => new(amount, amount);

    public bool Lapsed => Held < Fixed;
}
