using System.Text.Json.Nodes;

using Reseller.ServiceDefaults.InternalCalls;

namespace Reseller.Partners.Referrals;

/// <summary>
/// The two synchronous calls of a referral signup, to internal endpoints of Billing (tokenize the customer's card) and
/// Accounts (open the account), with Partners' own service token (never the operator's key). A refusal of theirs reaches
/// the customer as the same problem; while either cannot be reached, 503.
/// </summary>
public sealed class PlatformServices(InternalServiceClient services)
{
    /// <summary>Billing saves the card: a payment method with Stripe, a raw card with the sandbox (each refuses the other).</summary>
    public Task<JsonNode> TokenizeCardAsync(string holderName, CustomerCardRequest? card, string? paymentMethod, CancellationToken cancellationToken) =>
        services.SendAsync<JsonNode>(InternalCall.Post("billing", "/internal/referrals/cards", new { name = holderName, card, payment_method = paymentMethod }, InternalCredentials.Service), cancellationToken);

    public Task<JsonNode> OpenAccountAsync(Guid partnerId, object account, CancellationToken cancellationToken) =>
        services.SendAsync<JsonNode>(InternalCall.Post("accounts", "/internal/referrals/accounts", new { partner_id = partnerId, account }, InternalCredentials.Service), cancellationToken);
}
