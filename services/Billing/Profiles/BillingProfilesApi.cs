using System.ComponentModel;
using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Access;
using Reseller.Billing.Data;
using Reseller.Billing.Payments;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Billing.Profiles;

public static class BillingProfilesApi
{
    public static IEndpointRouteBuilder MapBillingProfilesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/billing-profiles").WithTags("Billing");
        api.MapPost("", CreateAsync).WithName("CreateBillingProfile").WithSummary("Add a billing profile (card)")
            .ProducesProblem(400).ProducesProblem(422).RequireAuthorization(BillingPolicies.Payer);
        api.MapGet("", ListAsync).WithName("ListBillingProfiles").WithSummary("List billing profiles").RequireAuthorization(BillingPolicies.Payer);
        api.MapGet("/{id}", GetAsync).WithName("GetBillingProfile").WithSummary("Read a billing profile").RequireAuthorization(BillingPolicies.Viewer);
        api.MapDelete("/{id}", DeleteAsync).WithName("DeleteBillingProfile").WithSummary("Delete a billing profile not in use").ProducesProblem(409).RequireAuthorization(BillingPolicies.Payer);
        return app;
    }

    /// <summary>
    /// A partner's card, or (account-scoped token) the customer's own card for its account: a payment method attached to the
    /// payer's provider customer (the one its earlier cards have, else a new one), or a raw test card with the sandbox.
    /// </summary>
    public static async Task<Created<BillingProfileResponse>> CreateAsync(
        CreateBillingProfileRequest request,
        ClaimsPrincipal user,
        IPaymentProvider provider,
        ICardVault vault,
        BillingDb db,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        request.ThrowIfInvalid(now);
        var caller = BillingCaller.From(user);
        TokenizedCard tokenized;
        if (request.PaymentMethod is { } paymentMethod)
        {
            var holder = new CardHolder(caller.PartnerId, caller.AccountId, request.Name!.Trim(), await ProviderCustomerAsync(caller, db, cancellationToken));
            tokenized = await vault.SaveAsync(paymentMethod, holder, cancellationToken);
        }
        else if (vault.AcceptsRawCards)
        {
            tokenized = await provider.TokenizeAsync(request.ToCardDetails(), cancellationToken);
        }
        else
        {
            throw ProblemException.Unprocessable("raw-card-refused", "Card numbers are not accepted.",
                "Card numbers never reach this platform: create a payment method with Stripe.js (Payment Element) and send its id as payment_method.");
        }
        var profile = BillingProfile.Create(caller.PartnerId, caller.AccountId, request.Name!.Trim(), tokenized, now);
        db.BillingProfiles.Add(profile);
        db.Publish(new BillingProfileCreated(profile.Id, profile.PartnerId, profile.AccountId, now), now);
        await db.SaveChangesAsync(cancellationToken);
        var response = BillingProfileResponse.From(profile);
        return TypedResults.Created($"/api/v1/billing-profiles/{response.Id}", response);
    }

    public static async Task<Ok<Page<BillingProfileResponse>>> ListAsync(
        [FromQuery(Name = "page_size")] int? pageSize, [FromQuery(Name = "page_token")] string? pageToken, ClaimsPrincipal user, BillingDb db, CancellationToken cancellationToken)
    {
        var caller = BillingCaller.From(user);
        var profiles = db.BillingProfiles.AsNoTracking()
            .Where(p => p.PartnerId == caller.PartnerId && p.AccountId == caller.AccountId && p.DeletedAt == null);
        return TypedResults.Ok(await KeysetPage.ReadAsync(profiles, p => p.Id, ListSortDirection.Ascending, pageSize, pageToken, BillingProfileResponse.From, cancellationToken));
    }

    public static async Task<Results<Ok<BillingProfileResponse>, NotFound>> GetAsync(string id, ClaimsPrincipal user, BillingDb db, CancellationToken cancellationToken)
    {
        var profile = await FindAsync(id, BillingCaller.From(user), db, cancellationToken);
        return profile is null ? TypedResults.NotFound() : TypedResults.Ok(BillingProfileResponse.From(profile));
    }

    public static async Task<Results<NoContent, NotFound>> DeleteAsync(
        string id,
        ClaimsPrincipal user,
        BillingDb db,
        IPaymentProvider provider,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var profile = await FindAsync(id, BillingCaller.From(user), db, cancellationToken);
        if (profile is null)
        {
            return TypedResults.NotFound();
        }
        var inUse = await db.BilledAccounts.AnyAsync(a => a.BillingProfileId == profile.Id
            && a.Status != AccountStatus.Expired && a.Status != AccountStatus.Transferred, cancellationToken);
        if (inUse)
        {
            throw ProblemException.Conflict("billing-profile-in-use", "The billing profile is in use.",
                "Move the accounts charged to this profile to another one first.");
        }
        // One past the provider's idempotency window is never asked for again (left to an operator), so it holds nothing up.
        var retriableSince = provider.OldestRetriableAt(clock.GetUtcNow());
        if (await db.Payments.AnyAsync(p => p.BillingProfileId == profile.Id && p.Status == PaymentStatus.Pending && p.CreatedAt >= retriableSince, cancellationToken))
        {
            // Its answer may be lost and asked for again under the same key: the card must still be there to ask with.
            throw ProblemException.Conflict("billing-profile-in-use", "The billing profile is in use.",
                "A charge on this profile is under way; try again once it has an answer.");
        }
        var now = clock.GetUtcNow();
        profile.Delete(now);
        db.Publish(new BillingProfileDeleted(profile.Id, now), now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The Stripe customer the payer's earlier cards belong to, so one payer stays one customer.</summary>
    private static async Task<string?> ProviderCustomerAsync(BillingCaller caller, BillingDb db, CancellationToken cancellationToken)
    {
        var tokens = await db.BillingProfiles.AsNoTracking()
            .Where(p => p.PartnerId == caller.PartnerId && p.AccountId == caller.AccountId && p.ProviderToken.StartsWith("cus_"))
            .OrderBy(p => p.Id)
            .Select(p => p.ProviderToken)
            .Take(1)
            .ToListAsync(cancellationToken);
        return tokens is [{ } token] && Payments.Stripe.StripeCardToken.TryParse(token, out var card) ? card.CustomerId : null;
    }

    /// <summary>A partner finds its own cards, a customer its account's: never each other's.</summary>
    private static async Task<BillingProfile?> FindAsync(string id, BillingCaller caller, BillingDb db, CancellationToken cancellationToken) =>
        PublicId.TryParse(BillingProfileResponse.IdPrefix, id, out var profileId)
            ? await db.BillingProfiles.FirstOrDefaultAsync(
                p => p.Id == profileId && p.PartnerId == caller.PartnerId && p.AccountId == caller.AccountId && p.DeletedAt == null, cancellationToken)
            : null;
}
