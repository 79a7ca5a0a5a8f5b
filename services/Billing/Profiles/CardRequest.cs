namespace Reseller.Billing.Profiles;

/// <summary>Card details as the partner typed them; they go to the payment provider and nowhere else.</summary>
public sealed record CardRequest(string? Number, int? ExpMonth, int? ExpYear, string? Cvc)
{
    public override string ToString() => "CardRequest { redacted }";
}
