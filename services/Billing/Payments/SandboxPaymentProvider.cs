using System.Security.Cryptography;
using System.Text;

using Reseller.ServiceDefaults.Problems;

namespace Reseller.Billing.Payments;

/// <summary>
/// The sandbox provider with the well-known test cards. The card's behaviour travels inside its token, so any Billing
/// instance gives the same answer; a charge id is derived from the idempotency key, so a retried charge is the same charge.
/// </summary>
public sealed class SandboxPaymentProvider : IPaymentProvider, ICardVault, IRefunds
{
    private const string TokenPrefix = "tok_sbx_";

    private static readonly Dictionary<string, string> Behaviours = new(StringComparer.Ordinal)
    {
        ["4242424242424242"] = "ok",
        ["4000000000000002"] = "card_declined",
        ["4000000000009995"] = "insufficient_funds",
        ["4000000000000341"] = "charge_failed",
    };

    public Task<TokenizedCard> TokenizeAsync(CardDetails card, CancellationToken cancellationToken)
    {
        var behaviour = Behaviours.GetValueOrDefault(card.Number, "ok");
        var token = $"{TokenPrefix}{behaviour}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}";
        return Task.FromResult(new TokenizedCard(token, BrandOf(card.Number), card.Number[^4..], card.ExpMonth, card.ExpYear));
    }

    public Task<ChargeResult> ChargeAsync(string token, long amount, string currency, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return Task.FromResult(ChargeResult.Failure("invalid_token"));
        }
        var behaviour = token[TokenPrefix.Length..token.LastIndexOf('_')];
        var chargeId = "ch_sbx_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..24];
        return Task.FromResult(behaviour == "ok" ? ChargeResult.Success(chargeId) : ChargeResult.Failure(behaviour));
    }

    public Task<ChargeResult> AuthorizeAsync(string token, long amount, string currency, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return Task.FromResult(ChargeResult.Failure("invalid_token"));
        }
        var behaviour = token[TokenPrefix.Length..token.LastIndexOf('_')];
        var authorizationId = "auth_sbx_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..24];
        return Task.FromResult(behaviour == "ok" ? ChargeResult.Success(authorizationId) : ChargeResult.Failure(behaviour));
    }

    public Task ReleaseAuthorizationAsync(string authorizationId, CancellationToken cancellationToken) => Task.CompletedTask;

    public bool AcceptsRawCards => true;

    public Task<TokenizedCard> SaveAsync(string paymentMethodId, CardHolder holder, CancellationToken cancellationToken) =>
        throw ProblemException.Unprocessable("payment-method-requires-stripe", "Payment methods need the Stripe provider.",
            "This platform runs the sandbox payment provider: send a test card as card {number, exp_month, exp_year, cvc} instead of payment_method.");

    public Task<RefundResult> RefundAsync(string providerChargeId, long amount, string currency, string idempotencyKey, CancellationToken cancellationToken) =>
        Task.FromResult(RefundResult.Success("re_sbx_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..24]));

    private static string BrandOf(string number) => number switch
    {
        ['4', ..] => "visa",
        ['5', >= '1' and <= '5', ..] or ['2', >= '2' and <= '7', ..] => "mastercard",
        ['3', '4' or '7', ..] => "amex",
        ['6', ..] => "discover",
        _ => "unknown",
    };
}
