using System.ComponentModel;
using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using Reseller.Partners.Data;
using Reseller.Partners.Webhooks.Deliveries;
using Reseller.Partners.Webhooks.Sending;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Idempotency;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;
using Reseller.ServiceDefaults.Queues;

namespace Reseller.Partners.Webhooks.Endpoints;

/// <summary>A partner's webhook endpoints: owner and billing users and API keys only.</summary>
public static class WebhookEndpointsApi
{
    public static IEndpointRouteBuilder MapWebhookEndpointsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/webhook-endpoints").WithTags("Webhooks").RequireAuthorization(PlatformPolicies.PartnerBilling);
        api.MapPost("", CreateAsync).WithName("CreateWebhookEndpoint").WithSummary("Register a webhook endpoint (its secret is shown once)")
            .ShowsSecretOnce("secret").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("", ListAsync).WithName("ListWebhookEndpoints").WithSummary("List the partner's webhook endpoints");
        api.MapGet("/{id}", GetAsync).WithName("GetWebhookEndpoint").WithSummary("Get a webhook endpoint")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPatch("/{id}", UpdateAsync).WithName("UpdateWebhookEndpoint").WithSummary("Change a webhook endpoint's URL, events or enabled flag")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/{id}", DeleteAsync).WithName("DeleteWebhookEndpoint").WithSummary("Delete a webhook endpoint")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id}/test", TestAsync).WithName("TestWebhookEndpoint").WithSummary("Send a ping event to a webhook endpoint")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id}/secret/roll", RollSecretAsync).WithName("RollWebhookSecret")
            .WithSummary("Replace the signing secret (shown once); the previous one keeps signing beside it for 24 h")
            .ShowsSecretOnce("secret").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Created<CreatedWebhookEndpointResponse>> CreateAsync(
        CreateWebhookEndpointRequest request, ClaimsPrincipal user, PartnersDb db, WebhookSecrets secrets, IOptions<WebhookOptions> options,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        var url = request.Url!.Trim();
        await ThrowIfRefusedAsync(url, options.Value, cancellationToken);
        var partnerId = user.PartnerId();
        if (await db.WebhookEndpoints.CountAsync(e => e.PartnerId == partnerId && e.DeletedAt == null, cancellationToken) >= WebhookEndpoint.MaxPerPartner)
        {
            throw WebhookProblems.TooManyEndpoints();
        }
        var secret = WebhookSecrets.New();
        var endpoint = WebhookEndpoint.Create(partnerId, url, request.Events!, request.Description?.Trim(), secrets.Protect(secret), clock.GetUtcNow());
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(cancellationToken);
        var response = CreatedWebhookEndpointResponse.From(endpoint, secret);
        return TypedResults.Created($"/api/v1/webhook-endpoints/{response.Id}", response);
    }

    public static async Task<Ok<Page<WebhookEndpointResponse>>> ListAsync(
        [FromQuery(Name = "page_size")] int? pageSize, [FromQuery(Name = "page_token")] string? pageToken, ClaimsPrincipal user, PartnersDb db,
        CancellationToken cancellationToken)
    {
        var partnerId = user.PartnerId();
        var endpoints = db.WebhookEndpoints.AsNoTracking().Where(e => e.PartnerId == partnerId && e.DeletedAt == null);
        return TypedResults.Ok(await KeysetPage.ReadAsync(endpoints, e => e.Id, ListSortDirection.Ascending, pageSize, pageToken, WebhookEndpointResponse.From, cancellationToken));
    }

    public static async Task<Ok<WebhookEndpointResponse>> GetAsync(string id, ClaimsPrincipal user, PartnersDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok(WebhookEndpointResponse.From(await FindAsync(db, id, user, cancellationToken)));

    public static async Task<Ok<WebhookEndpointResponse>> UpdateAsync(
        string id, UpdateWebhookEndpointRequest request, ClaimsPrincipal user, PartnersDb db, IOptions<WebhookOptions> options, WebhookSigningSecrets signing,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var endpoint = await FindAsync(db, id, user, cancellationToken);
        request.ThrowIfInvalid();
        var url = request.Url?.Trim();
        if (url is not null)
        {
            await ThrowIfRefusedAsync(url, options.Value, cancellationToken);
        }
        endpoint.Change(url, request.Events, request.Enabled, request.Description?.Trim(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        signing.Forget(endpoint.Id);
        return TypedResults.Ok(WebhookEndpointResponse.From(endpoint));
    }

    public static async Task<NoContent> DeleteAsync(
        string id, ClaimsPrincipal user, PartnersDb db, WebhookSigningSecrets signing, TimeProvider clock, CancellationToken cancellationToken)
    {
        var endpoint = await FindAsync(db, id, user, cancellationToken);
        endpoint.Delete(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        signing.Forget(endpoint.Id);
        return TypedResults.NoContent();
    }

    public static async Task<Accepted> TestAsync(
        string id, ClaimsPrincipal user, PartnersDb db, WebhookEvents events, QueueSignal<WebhookDelivery> signal, TimeProvider clock, CancellationToken cancellationToken)
    {
        var endpoint = await FindAsync(db, id, user, cancellationToken);
        if (!endpoint.Enabled)
        {
            throw WebhookProblems.EndpointDisabled();
        }
        var now = clock.GetUtcNow();
        await events.QueueAsync(endpoint.PartnerId, WebhookEventTypes.Ping, new PingObject(WebhookEndpointIds.Format(endpoint.Id)), now, cancellationToken,
            onlyEndpointId: endpoint.Id);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Ok<RolledSecretResponse>> RollSecretAsync(
        string id, ClaimsPrincipal user, PartnersDb db, WebhookSecrets secrets, WebhookSigningSecrets signing, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var endpoint = await FindAsync(db, id, user, cancellationToken);
        var secret = WebhookSecrets.New();
        endpoint.RollSecret(secrets.Protect(secret), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        signing.Forget(endpoint.Id);
        return TypedResults.Ok(new RolledSecretResponse(secret, endpoint.PreviousSecretExpiresAt!.Value));
    }

    /// <summary>The caller's endpoint, or 404 (also for another partner's: its existence is never revealed).</summary>
    public static async Task<WebhookEndpoint> FindAsync(PartnersDb db, string id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var partnerId = user.PartnerId();
        if (!PublicId.TryParse(WebhookEndpointIds.Prefix, id, out var endpointId))
        {
            throw ProblemException.NotFound("webhook endpoint");
        }
        return await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == endpointId && e.PartnerId == partnerId && e.DeletedAt == null, cancellationToken)
            ?? throw ProblemException.NotFound("webhook endpoint");
    }

    private static async Task ThrowIfRefusedAsync(string url, WebhookOptions options, CancellationToken cancellationToken)
    {
        if (await WebhookUrls.RefusalAsync(url, options.AllowPrivateAddresses, cancellationToken) is { } refusal)
        {
            throw ValidationErrors.Reject("url", refusal);
        }
    }

    private sealed record PingObject(string WebhookEndpointId);
}
