using System.Collections.Concurrent;

using Reseller.Billing.Payments;

namespace Reseller.IntegrationTests.Credits;

/// <summary>The sandbox provider, recording every call; charges can be made to fail.</summary>
public sealed class RecordingPaymentProvider : IPaymentProvider
{
    private readonly SandboxPaymentProvider sandbox = new();

    public ConcurrentQueue<string> Calls { get; } = new();
    public bool DeclineCharges { get; set; }

    public Task<TokenizedCard> TokenizeAsync(CardDetails card, CancellationToken cancellationToken) => sandbox.TokenizeAsync(card, cancellationToken);

    public Task<ChargeResult> ChargeAsync(string token, long amount, string currency, string idempotencyKey, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"charge {amount}");
        return DeclineCharges ? Task.FromResult(ChargeResult.Failure("card_declined")) : sandbox.ChargeAsync(token, amount, currency, idempotencyKey, cancellationToken);
    }

    public Task<ChargeResult> AuthorizeAsync(string token, long amount, string currency, string idempotencyKey, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"authorize {amount}");
        return sandbox.AuthorizeAsync(token, amount, currency, idempotencyKey, cancellationToken);
    }

    public Task ReleaseAuthorizationAsync(string authorizationId, CancellationToken cancellationToken)
    {
        Calls.Enqueue("release");
        return Task.CompletedTask;
    }
}
