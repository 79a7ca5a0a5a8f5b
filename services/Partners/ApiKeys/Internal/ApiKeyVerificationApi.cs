using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

using Reseller.Contracts.Partners;
using Reseller.Partners.Data;
using Reseller.Partners.Organisations;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.Partners.ApiKeys.Internal;

/// <summary>The gateway's exchange of an API key for a short platform token: reached by the gateway only, never routed from outside.</summary>
public static class ApiKeyVerificationApi
{
    public const string Path = "/internal/api-keys/verify";

    /// <summary>The gateway exchanges a key for a token per request (its answer cached seconds), so a revoked key stops within a minute at most.</summary>
    public static readonly TimeSpan ApiKeyTokenLifetime = TimeSpan.FromMinutes(1);

    public static IEndpointRouteBuilder MapApiKeyVerificationApi(this IEndpointRouteBuilder app)
    {
        // The key in the body is the credential (a client-credentials exchange): the answer is a token for that key's own
        // partner, so no other credential is asked, the operator's least of all.
        app.MapPost(Path, VerifyAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    public static async Task<Results<Ok<ApiKeyVerification>, NotFound>> VerifyAsync(
        VerifyApiKeyRequest request, PartnersDb db, PlatformTokenIssuer tokens, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!ApiKeySecret.LooksLikeKey(request.Key))
        {
            return TypedResults.NotFound();
        }
        var hash = RandomSecret.HashOf(request.Key!);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, cancellationToken);
        if (key is null)
        {
            return TypedResults.NotFound();
        }
        var now = clock.GetUtcNow();
        // A suspended partner's keys are refused, saying why (403 partner-suspended at the gateway), until it is reactivated.
        if (!await db.Partners.AnyAsync(p => p.Id == key.PartnerId && p.Status == PartnerStatus.Active, cancellationToken))
        {
            return TypedResults.Ok(ApiKeyVerification.Suspended(key.Id, key.PartnerId, now));
        }
        if (key.Used(now))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        var token = await tokens.IssueAsync(
        [
            new Claim(PlatformClaims.Subject, PublicId.Format(ApiKeyResponse.IdPrefix, key.Id)),
            new Claim(PlatformClaims.PartnerId, key.PartnerId.ToString()),
            new Claim(PlatformClaims.Role, PlatformRoles.Owner),
            new Claim(PlatformClaims.Kind, PlatformClaims.ApiKeyKind),
        ], ApiKeyTokenLifetime, cancellationToken: cancellationToken);
        return TypedResults.Ok(new ApiKeyVerification(key.Id, key.PartnerId, token.AccessToken, now + ApiKeyTokenLifetime));
    }
}
