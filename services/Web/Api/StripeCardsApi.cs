namespace Reseller.Web.Api;

/// <summary>Cards registered through Stripe: the API receives the payment method Stripe.js created, never the card number.</summary>
public sealed class StripeCardsApi(GatewayApi api)
{
    public Task<ApiResult<BillingProfile>> AddCardAsync(string name, string paymentMethod, CancellationToken cancellationToken = default) =>
        api.PostAsync<BillingProfile>("/api/v1/billing-profiles", Body(name, paymentMethod), cancellationToken: cancellationToken);

    /// <summary>The body of <c>POST /api/v1/billing-profiles</c> with Stripe: <c>{name, payment_method}</c>, no <c>card</c>.</summary>
    public static object Body(string name, string paymentMethod) => new { name, payment_method = paymentMethod };
}
