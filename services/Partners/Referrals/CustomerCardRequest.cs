namespace Reseller.Partners.Referrals;

/// <summary>The customer's card, passed straight on to Billing for tokenizing; never stored, logged or put in a message.</summary>
public sealed record CustomerCardRequest(string? Number, int? ExpMonth, int? ExpYear, string? Cvc)
{
    public override string ToString() => "CustomerCardRequest { redacted }";
}
