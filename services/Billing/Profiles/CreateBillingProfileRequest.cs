using Reseller.Billing.Payments;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Billing.Profiles;

/// <summary>A card and its name; the card's fields are checked (<see cref="CardRules"/>) before the provider sees them, at the time given.</summary>
public sealed record CreateBillingProfileRequest(CardRequest? Card, string? Name) : IValidatedRequest<DateTimeOffset>
{
    public void Validate(ValidationErrors errors, DateTimeOffset now)
    {
        errors.RequireText("name", Name, 200);
        if (Card is null)
        {
            errors.Add("card", "card is required.");
            return;
        }
        CardRules.Check(Card, now, errors);
    }

    /// <summary>The card of a valid request, as the provider takes it.</summary>
    public CardDetails ToCardDetails() => new(CardRules.Digits(Card!.Number), Card.ExpMonth!.Value, Card.ExpYear!.Value, Card.Cvc!);
}
