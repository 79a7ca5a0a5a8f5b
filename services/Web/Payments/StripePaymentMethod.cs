namespace Reseller.Web.Payments;

/// <summary>A card Stripe.js turned into a payment method in the browser: the name typed with it and Stripe's <c>pm_…</c> id.</summary>
public sealed record StripePaymentMethod(string Name, string Id);
