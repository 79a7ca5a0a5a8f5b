using System.Text.RegularExpressions;

using Reseller.Billing.Payments;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Billing.Profiles;

/// <summary>
/// A card and its name: either a Stripe payment method id (made in the browser by Stripe.js) or, with the sandbox alone, the
/// card's raw fields, checked (<see cref="CardRules"/>) before the provider sees them, at the time given.
/// </summary>
public sealed partial record CreateBillingProfileRequest(CardRequest? Card, string? Name, string? PaymentMethod = null) : IValidatedRequest<DateTimeOffset>
{
    public void Validate(ValidationErrors errors, DateTimeOffset now)
    {
        errors.RequireText("name", Name, 200);
        if (PaymentMethod is not null)
        {
            errors.When(Card is not null, "card", "Send either card or payment_method, not both.");
            errors.When(PaymentMethod.Length > 255 || !PaymentMethodId().IsMatch(PaymentMethod), "payment_method", "payment_method must be a Stripe payment method id (pm_…).");
            return;
        }
        if (Card is null)
        {
            errors.Add("card", "card (sandbox) or payment_method (Stripe) is required.");
            return;
        }
        CardRules.Check(Card, now, errors);
    }

    /// <summary>The card of a valid request, as the provider takes it.</summary>
    public CardDetails ToCardDetails() => new(CardRules.Digits(Card!.Number), Card.ExpMonth!.Value, Card.ExpYear!.Value, Card.Cvc!);

    [GeneratedRegex("^pm_[A-Za-z0-9_]+$")]
    private static partial Regex PaymentMethodId();
}
