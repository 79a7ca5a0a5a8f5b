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

    /// <summary>
    /// How long the provider keeps an idempotency key: within it a repeated charge is the same charge, past it a repeat may be
    /// a second one. Null: for ever.
    /// </summary>
    TimeSpan? IdempotencyWindow => null;

    /// <summary>
    /// The oldest an attempt still pending at <paramref name="now"/> may be and be charged again under its key
    /// (<see cref="DateTimeOffset.MinValue"/>: any age); an older one is left to an operator to reconcile.
    /// </summary>
    DateTimeOffset OldestRetriableAt(DateTimeOffset now) => IdempotencyWindow is { } window ? now - window : DateTimeOffset.MinValue;

    /// <summary>
    /// Whether a call keyed since <paramref name="keyedAt"/> (a charge attempt made, a refund decided) may still be repeated under
    /// its key at <paramref name="now"/>: past the window a repeat whose first answer was lost could charge or refund twice, so
    /// it is left to an operator (<see cref="UnreconciledPaymentsGaugeSource"/> counts those).
    /// </summary>
    bool MayRepeat(DateTimeOffset keyedAt, DateTimeOffset now) => keyedAt >= OldestRetriableAt(now);
}
