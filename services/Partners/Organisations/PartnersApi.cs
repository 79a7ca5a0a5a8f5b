using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

using Reseller.Contracts.Partners;
using Reseller.Partners.Commissions;
using Reseller.Partners.Data;
using Reseller.Partners.FollowedAccounts;
using Reseller.Partners.Users;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Messaging;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.Organisations;

public static class PartnersApi
{
    public static IEndpointRouteBuilder MapPartnersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/partners").WithTags("Partners");
        api.MapPost("", CreateAsync).RequireAuthorization(PlatformPolicies.Operator).WithName("CreatePartner").WithSummary("Create a partner with its first user");
        api.MapGet("/me", GetMineAsync).RequireAuthorization(PlatformPolicies.Partner).WithName("GetMyPartner").WithSummary("Read the partner's profile and discount standing");
        api.MapPatch("/me", UpdateMineAsync).RequireAuthorization(PlatformPolicies.PartnerBilling).WithName("UpdateMyPartner").WithSummary("Change the partner's profile").ProducesProblem(409);
        return app;
    }

    public static async Task<Created<CreatedPartnerResponse>> CreateAsync(
        CreatePartnerRequest request,
        PartnersDb db,
        IPasswordHasher<PartnerUser> hasher,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        var email = FieldRules.NormalizeEmail(request.Email!);
        if (await db.Users.AnyAsync(u => u.Email == email, cancellationToken))
        {
            throw ProblemException.Conflict("email-taken", "A partner user with this e-mail already exists.");
        }

        var now = clock.GetUtcNow();
        var partner = Partner.Create(request.Name!.Trim(), email, request.Country!, request.Currency!, now);
        var owner = PartnerUser.Create(partner.Id, email, PartnerRoles.Owner, now);
        owner.SetPasswordHash(hasher.HashPassword(owner, request.Password!));
        db.Partners.Add(partner);
        db.Users.Add(owner);
        db.Publish(new PartnerCreated(partner.Id, partner.Name, partner.Country, partner.Currency, now), now);
        await db.SaveChangesAsync(cancellationToken);

        var response = new CreatedPartnerResponse(PartnerResponse.From(partner), PartnerUserResponse.From(owner));
        return TypedResults.Created($"/api/v1/partners/{response.Partner.Id}", response);
    }

    public static async Task<Results<Ok<PartnerProfileResponse>, NotFound>> GetMineAsync(ClaimsPrincipal user, PartnersDb db, CancellationToken cancellationToken)
    {
        var partnerId = user.PartnerId();
        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == partnerId, cancellationToken);
        return partner is null ? TypedResults.NotFound() : TypedResults.Ok(await ProfileAsync(db, partner, cancellationToken));
    }

    /// <summary>Changes the profile; setting a PayPal e-mail releases held statements, removing it holds pending ones.</summary>
    public static async Task<Results<Ok<PartnerProfileResponse>, NotFound>> UpdateMineAsync(
        UpdatePartnerRequest request, ClaimsPrincipal user, PartnersDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var changes = request.ThrowIfInvalid().ToChanges();
        var partnerId = user.PartnerId();
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == partnerId, cancellationToken);
        if (partner is null)
        {
            return TypedResults.NotFound();
        }
        partner.Update(changes);
        if (changes.ChangesInvoices)
        {
            var now = clock.GetUtcNow();
            db.Publish(partner.LegalDetailsChanged(now), now);
        }
        if (changes.PaypalEmail is not null)
        {
            var open = await db.Statements.Where(s => s.PartnerId == partnerId && s.Status != StatementStatus.Paid).ToListAsync(cancellationToken);
            open.ForEach(s =>
            {
                if (partner.PaypalEmail is null)
                {
                    s.Hold();
                }
                else
                {
                    s.Release();
                }
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ProfileAsync(db, partner, cancellationToken));
    }

    private static async Task<PartnerProfileResponse> ProfileAsync(PartnersDb db, Partner partner, CancellationToken cancellationToken) =>
        PartnerProfileResponse.From(partner, await db.FollowedAccounts.CountAsync(FollowedAccount.IsPaid(partner.Id), cancellationToken));
}
