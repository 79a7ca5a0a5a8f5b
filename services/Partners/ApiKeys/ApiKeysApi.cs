using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using Reseller.Contracts.Partners;
using Reseller.Partners.Data;
using Reseller.Partners.Users;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Idempotency;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.Partners.ApiKeys;

public static class ApiKeysApi
{
    public const string InternalVerifyPath = "/internal/api-keys/verify";

    /// <summary>The gateway exchanges a key for a token per request (its answer cached seconds), so a revoked key stops within a minute at most.</summary>
    public static readonly TimeSpan ApiKeyTokenLifetime = TimeSpan.FromMinutes(1);

    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/api-keys").WithTags("Identity").RequireAuthorization(PartnerOwner.Policy);
        api.MapPost("", CreateAsync).WithName("CreateApiKey").ShowsSecretOnce("key");
        api.MapGet("", ListAsync).WithName("ListApiKeys");
        api.MapDelete("/{id}", RevokeAsync).WithName("RevokeApiKey");

        // Reached by the gateway only (never routed from outside). The key in the body is the credential (a client-credentials
        // exchange): the answer is a token for that key's own partner, so no other credential is asked, the operator's least of all.
        app.MapPost(InternalVerifyPath, VerifyAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    public static async Task<Created<CreatedApiKeyResponse>> CreateAsync(
        CreateApiKeyRequest request, ClaimsPrincipal user, PartnersDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        request.Validate();
        var secret = ApiKeySecret.New();
        var key = ApiKey.Create(user.PartnerId(), request.Name!.Trim(), secret, clock.GetUtcNow());
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        var id = PublicId.Format(ApiKeyResponse.IdPrefix, key.Id);
        return TypedResults.Created($"/api/v1/api-keys/{id}", new CreatedApiKeyResponse(id, key.Name, key.Prefix, secret.Key, key.CreatedAt));
    }

    public static async Task<Ok<Page<ApiKeyResponse>>> ListAsync(
        [FromQuery(Name = "page_size")] int? pageSize, [FromQuery(Name = "page_token")] string? pageToken, ClaimsPrincipal user, PartnersDb db, CancellationToken cancellationToken)
    {
        var partnerId = user.PartnerId();
        var size = PageSize.From(pageSize);
        var query = db.ApiKeys.AsNoTracking().Where(k => k.PartnerId == partnerId && k.RevokedAt == null);
        if (KeysetPage.After(ApiKeyResponse.IdPrefix, pageToken) is { } after)
        {
            query = query.Where(k => k.Id.CompareTo(after) > 0);
        }
        var keys = await query.OrderBy(k => k.Id).Take(size + 1).ToListAsync(cancellationToken);
        return TypedResults.Ok(KeysetPage.From(keys, size, k => k.Id, ApiKeyResponse.IdPrefix, ApiKeyResponse.From));
    }

    public static async Task<Results<NoContent, NotFound>> RevokeAsync(
        string id, ClaimsPrincipal user, PartnersDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!PublicId.TryParse(ApiKeyResponse.IdPrefix, id, out var keyId))
        {
            return TypedResults.NotFound();
        }
        var partnerId = user.PartnerId();
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == keyId && k.PartnerId == partnerId && k.RevokedAt == null, cancellationToken);
        if (key is null)
        {
            return TypedResults.NotFound();
        }
        key.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<ApiKeyVerification>, NotFound>> VerifyAsync(
        VerifyApiKeyRequest request, PartnersDb db, PlatformTokenIssuer tokens, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!ApiKeySecret.LooksLikeKey(request.Key))
        {
            return TypedResults.NotFound();
        }
        var hash = ApiKeySecret.HashOf(request.Key!);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, cancellationToken);
        if (key is null)
        {
            return TypedResults.NotFound();
        }
        var now = clock.GetUtcNow();
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
