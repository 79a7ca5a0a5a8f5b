namespace Reseller.Billing.Payments;

/// <summary>
/// The payment-provider port, shaped like Stripe's: cards become tokens; charges carry an idempotency key so a retried
/// charge (after a crash or a timeout) is the same charge, never a second one.
/// </summary>
public interface IPaymentProvider
{
    Task<TokenizedCard> TokenizeAsync(CardDetails card, CancellationToken cancellationToken);

    Task<ChargeResult> ChargeAsync(string token, long amount, string currency, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Places a hold on the card (never captured); the result's charge id is the authorisation to release.</summary>
    Task<ChargeResult> AuthorizeAsync(string token, long amount, string currency, string idempotencyKey, CancellationToken cancellationToken);

    Task ReleaseAuthorizationAsync(string authorizationId, CancellationToken cancellationToken);
}
