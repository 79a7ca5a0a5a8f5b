namespace Reseller.Billing.Payments.Stripe;

/// <summary>A PaymentIntent Stripe has not settled yet: the attempt stays pending for the webhook or the recovery job.</summary>
public sealed class StripeUnsettledException(string paymentIntentId, string status)
    : Exception($"PaymentIntent {paymentIntentId} is {status}; it is settled later.");
