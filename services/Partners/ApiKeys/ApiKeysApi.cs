using System.ComponentModel;
using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using Reseller.Partners.Data;
using Reseller.Partners.Users;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Idempotency;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Partners.ApiKeys;

public static class ApiKeysApi
{
    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/api-keys").WithTags("Identity").RequireAuthorization(PartnerOwner.Policy);
        api.MapPost("", CreateAsync).WithName("CreateApiKey").WithSummary("Create an API key (shown once)").ShowsSecretOnce("key");
        api.MapGet("", ListAsync).WithName("ListApiKeys").WithSummary("List the partner's API keys");
        api.MapDelete("/{id}", RevokeAsync).WithName("RevokeApiKey").WithSummary("Revoke an API key");
        return app;
    }

    public static async Task<Created<CreatedApiKeyResponse>> CreateAsync(
        CreateApiKeyRequest request, ClaimsPrincipal user, PartnersDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
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
        var keys = db.ApiKeys.AsNoTracking().Where(k => k.PartnerId == partnerId && k.RevokedAt == null);
        return TypedResults.Ok(await KeysetPage.ReadAsync(keys, k => k.Id, ListSortDirection.Ascending, pageSize, pageToken, ApiKeyResponse.From, cancellationToken));
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
}
