using Microsoft.AspNetCore.Http.HttpResults;

using Reseller.Billing.Data;
using Reseller.Billing.Payments;
using Reseller.Billing.Profiles;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Problems;
using Reseller.ServiceDefaults.Tokens;

namespace Reseller.Billing.Referrals;

/// <summary>
/// Tokenizes a referral customer's card for Partners (internal, with its service token; never routed by the gateway). The card
/// goes to the provider and nowhere else; the profile awaits its owner: when AccountCreated names it for a customer-paid
/// account, it becomes that customer's own card (Accounts/AccountCreatedConsumer), never one of the partner's.
/// </summary>
public static class ReferralCardsApi
{
    public const string Path = "/internal/referrals/cards";

    public static IEndpointRouteBuilder MapReferralCardsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, CreateAsync).RequireAuthorization(PlatformPolicies.InternalCaller(TrustedIssuers.Partners)).ExcludeFromDescription();
        return app;
    }

    public static async Task<Created<BillingProfileResponse>> CreateAsync(
        CreateBillingProfileRequest request, IPaymentProvider provider, BillingDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        request.ThrowIfInvalid(now);
        // Both providers are their own card vault: Stripe's cards come as payment methods, raw cards only to the sandbox.
        var vault = provider as ICardVault;
        var tokenized = request.PaymentMethod is { } paymentMethod && vault is not null
            ? await vault.SaveAsync(paymentMethod, new CardHolder(Guid.Empty, null, request.Name!.Trim(), null), cancellationToken)
            : vault is { AcceptsRawCards: false }
                ? throw ProblemException.Unprocessable("raw-card-refused", "Card numbers are not accepted.",
                    "Card numbers never reach this platform: create a payment method with Stripe.js and send its id as payment_method.")
                : await provider.TokenizeAsync(request.ToCardDetails(), cancellationToken);
        var profile = BillingProfile.CreateAwaitingOwner(request.Name!.Trim(), tokenized, now);
        db.BillingProfiles.Add(profile);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created((string?)null, BillingProfileResponse.From(profile));
    }
}
