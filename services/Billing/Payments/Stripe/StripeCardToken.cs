namespace Reseller.Billing.Payments.Stripe;

/// <summary>
/// What a billing profile keeps of a Stripe card: its customer and payment method ids ("cus_…/pm_…"), never a number.
/// </summary>
public sealed record StripeCardToken(string CustomerId, string PaymentMethodId)
{
    public static bool TryParse(string token, out StripeCardToken parsed)
    {
        var parts = token.Split('/');
        parsed = parts is [{ } customer, { } method] && customer.StartsWith("cus_", StringComparison.Ordinal) && method.StartsWith("pm_", StringComparison.Ordinal)
            ? new StripeCardToken(customer, method)
            : new StripeCardToken("", "");
        return parsed.CustomerId.Length > 0;
    }

    public override string ToString() => $"{CustomerId}/{PaymentMethodId}";
}
