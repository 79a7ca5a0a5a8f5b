using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Accounts;
using Reseller.Billing.Data;
using Reseller.Billing.Payments;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Billing.Profiles;

public static class BillingProfilesApi
{
    public static IEndpointRouteBuilder MapBillingProfilesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/billing-profiles").WithTags("Billing").RequireAuthorization(PlatformPolicies.Partner);
        api.MapPost("", CreateAsync).WithName("CreateBillingProfile");
        api.MapGet("", ListAsync).WithName("ListBillingProfiles");
        api.MapGet("/{id}", GetAsync).WithName("GetBillingProfile");
        api.MapDelete("/{id}", DeleteAsync).WithName("DeleteBillingProfile");
        return app;
    }

    public static async Task<Created<BillingProfileResponse>> CreateAsync(
        CreateBillingProfileRequest request,
        ClaimsPrincipal user,
        IPaymentProvider provider,
        BillingDb db,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var card = CardValidator.Validate(request, now);
        var tokenized = await provider.TokenizeAsync(card, cancellationToken);
        var profile = BillingProfile.Create(user.PartnerId(), request.Name!.Trim(), tokenized, now);
        db.BillingProfiles.Add(profile);
        await db.SaveChangesAsync(cancellationToken);
        var response = BillingProfileResponse.From(profile);
        return TypedResults.Created($"/api/v1/billing-profiles/{response.Id}", response);
    }

    public static async Task<Ok<Page<BillingProfileResponse>>> ListAsync(ClaimsPrincipal user, BillingDb db, CancellationToken cancellationToken)
    {
        var partnerId = user.PartnerId();
        var profiles = await db.BillingProfiles.AsNoTracking()
            .Where(p => p.PartnerId == partnerId && p.DeletedAt == null)
            .OrderBy(p => p.Id)
            .Take(PageSize.Max)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<BillingProfileResponse>(profiles.Select(BillingProfileResponse.From).ToList(), null));
    }

    public static async Task<Results<Ok<BillingProfileResponse>, NotFound>> GetAsync(string id, ClaimsPrincipal user, BillingDb db, CancellationToken cancellationToken)
    {
        var profile = await FindAsync(id, user.PartnerId(), db, cancellationToken);
        return profile is null ? TypedResults.NotFound() : TypedResults.Ok(BillingProfileResponse.From(profile));
    }

    public static async Task<Results<NoContent, NotFound>> DeleteAsync(
        string id,
        ClaimsPrincipal user,
        BillingDb db,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var profile = await FindAsync(id, user.PartnerId(), db, cancellationToken);
        if (profile is null)
        {
            return TypedResults.NotFound();
        }
        var inUse = await db.BilledAccounts.AnyAsync(a => a.BillingProfileId == profile.Id
            && a.Status != BilledAccountStatus.Expired && a.Status != BilledAccountStatus.Transferred, cancellationToken);
        if (inUse)
        {
            throw ProblemException.Conflict("billing-profile-in-use", "The billing profile is in use.",
                "Move the accounts charged to this profile to another one first.");
        }
        profile.Delete(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<BillingProfile?> FindAsync(string id, Guid partnerId, BillingDb db, CancellationToken cancellationToken) =>
        PublicId.TryParse(BillingProfileResponse.IdPrefix, id, out var profileId)
            ? await db.BillingProfiles.FirstOrDefaultAsync(p => p.Id == profileId && p.PartnerId == partnerId && p.DeletedAt == null, cancellationToken)
            : null;
}
