using System.Globalization;

using Reseller.ServiceDefaults.Problems;

using Stripe;

namespace Reseller.Billing.Payments.Stripe;

/// <summary>
/// Cards through Stripe. A card is a payment method attached to the payer's Stripe customer; a charge is an off-session
/// PaymentIntent confirmed at once, keyed by our payment attempt's id so that a retry (the recovery job, a webhook) is the
/// same PaymentIntent. A decline is a failure; 3-D Secure (<c>requires_action</c>) is a failure that carries the link where
/// the payer authenticates. Anything else (timeout, 5xx, network) throws: the attempt stays pending until the recovery job or
/// Stripe's webhook settles it.
/// </summary>
public sealed class StripePaymentProvider(StripeClient client, ILogger<StripePaymentProvider> logger) : IPaymentProvider, ICardVault, IRefunds
{
    /// <summary>The PaymentIntent metadata that names our payment attempt, so a webhook finds it.</summary>
    public const string PaymentIdMetadata = "reseller_payment_id";

    public bool AcceptsRawCards => false;

    /// <summary>Stripe keeps a key at least 24 hours, then may prune it; an hour is kept in hand.</summary>
    public TimeSpan? IdempotencyWindow => TimeSpan.FromHours(23);

    public Task<TokenizedCard> TokenizeAsync(CardDetails card, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Stripe never receives card numbers from us: cards are saved by Stripe.js as payment methods.");

    public async Task<TokenizedCard> SaveAsync(string paymentMethodId, CardHolder holder, CancellationToken cancellationToken)
    {
        try
        {
            return await AttachAsync(paymentMethodId, holder, cancellationToken);
        }
        catch (StripeException ex) when (ex.StripeError?.Type is "invalid_request_error" or "card_error")
        {
            throw ProblemException.Unprocessable("payment-method-refused", "Stripe refused the payment method.",
                $"Stripe answered {ex.StripeError.Code ?? ex.StripeError.Type}: create a new payment method with Stripe.js and send its pm_… id.");
        }
    }

    private async Task<TokenizedCard> AttachAsync(string paymentMethodId, CardHolder holder, CancellationToken cancellationToken)
    {
        var customerId = holder.ProviderCustomerId ?? (await client.V1.Customers.CreateAsync(
            new CustomerCreateOptions
            {
                Name = holder.Name,
                Metadata = new Dictionary<string, string>
                {
                    ["reseller_partner_id"] = holder.PartnerId.ToString(),
                    ["reseller_account_id"] = holder.AccountId?.ToString() ?? "",
                },
            },
            Keyed($"customer_{holder.PartnerId:N}_{holder.AccountId:N}"),
            cancellationToken)).Id;
        var method = await client.V1.PaymentMethods.AttachAsync(paymentMethodId, new PaymentMethodAttachOptions { Customer = customerId },
            Keyed($"attach_{paymentMethodId}_{customerId}"), cancellationToken);
        var card = method.Card ?? throw new InvalidOperationException($"Payment method {paymentMethodId} is not a card.");
        return new TokenizedCard(new StripeCardToken(customerId, method.Id).ToString(), card.Brand ?? "unknown", card.Last4 ?? "????", (int)card.ExpMonth, (int)card.ExpYear);
    }

    public Task<ChargeResult> ChargeAsync(string token, long amount, string currency, string idempotencyKey, CancellationToken cancellationToken) =>
        ConfirmAsync(token, amount, currency, idempotencyKey, capture: true, cancellationToken);

    public Task<ChargeResult> AuthorizeAsync(string token, long amount, string currency, string idempotencyKey, CancellationToken cancellationToken) =>
        ConfirmAsync(token, amount, currency, idempotencyKey, capture: false, cancellationToken);

    public async Task ReleaseAuthorizationAsync(string authorizationId, CancellationToken cancellationToken) =>
        await client.V1.PaymentIntents.CancelAsync(authorizationId, new PaymentIntentCancelOptions(), Keyed($"release_{authorizationId}"), cancellationToken);

    public async Task<RefundResult> RefundAsync(string providerChargeId, long amount, string currency, string idempotencyKey, CancellationToken cancellationToken)
    {
        try
        {
            var refund = await client.V1.Refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = providerChargeId, Amount = amount }, Keyed(idempotencyKey), cancellationToken);
            return refund.Status is "failed" or "canceled" ? RefundResult.Failure(refund.FailureReason ?? refund.Status) : RefundResult.Success(refund.Id);
        }
        catch (StripeException ex) when (ex.StripeError?.Type == "invalid_request_error")
        {
            logger.LogWarning("Stripe refused the refund of {PaymentIntentId}: {Code}", providerChargeId, ex.StripeError.Code);
            return RefundResult.Failure(ex.StripeError.Code ?? "refund_refused");
        }
    }

    private async Task<ChargeResult> ConfirmAsync(string token, long amount, string currency, string idempotencyKey, bool capture, CancellationToken cancellationToken)
    {
        if (!StripeCardToken.TryParse(token, out var card))
        {
            return ChargeResult.Failure("invalid_token");
        }
        var options = new PaymentIntentCreateOptions
        {
            Amount = amount,
            Currency = currency.ToLower(CultureInfo.InvariantCulture),
            Customer = card.CustomerId,
            PaymentMethod = card.PaymentMethodId,
            OffSession = true,
            Confirm = true,
            CaptureMethod = capture ? "automatic" : "manual",
            Metadata = new Dictionary<string, string> { [PaymentIdMetadata] = idempotencyKey },
        };
        try
        {
            var intent = await client.V1.PaymentIntents.CreateAsync(options, Keyed(idempotencyKey), cancellationToken);
            if (intent.Status == "processing")
            {
                // Stripe answers a repeated key with its first answer, so an intent first answered processing would say so to
                // every retry (the webhook's, the recovery job's) until the key expired, and a charge after that is a second
                // one. Its current state is read instead.
                intent = await client.V1.PaymentIntents.GetAsync(intent.Id, cancellationToken: cancellationToken);
            }
            return Outcome(intent, capture);
        }
        catch (StripeException ex) when (ex.StripeError?.Type == "card_error")
        {
            var error = ex.StripeError;
            return error.Code == ChargeResult.AuthenticationRequired
                ? ChargeResult.NeedsAuthentication(error.PaymentIntent?.Id ?? "", ActionUrlOf(error.PaymentIntent))
                : ChargeResult.Failure(error.DeclineCode ?? error.Code ?? "card_declined");
        }
    }

    private static ChargeResult Outcome(PaymentIntent intent, bool capture) => intent.Status switch
    {
        "succeeded" when capture => ChargeResult.Success(intent.Id),
        "requires_capture" when !capture => ChargeResult.Success(intent.Id),
        "requires_action" => ChargeResult.NeedsAuthentication(intent.Id, ActionUrlOf(intent)),
        "requires_payment_method" or "canceled" => ChargeResult.Failure(intent.LastPaymentError?.DeclineCode ?? intent.LastPaymentError?.Code ?? "card_declined"),
        // processing: the card network has not answered yet; Stripe's webhook (or the recovery job) finishes the attempt.
        _ => throw new StripeUnsettledException(intent.Id, intent.Status),
    };

    private static string? ActionUrlOf(PaymentIntent? intent) => intent?.NextAction?.RedirectToUrl?.Url;

    private static RequestOptions Keyed(string idempotencyKey) => new() { IdempotencyKey = idempotencyKey };
}
