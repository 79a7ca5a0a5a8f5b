using System.ComponentModel;
using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using Reseller.Partners.Data;
using Reseller.Partners.Webhooks.Endpoints;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Http;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Problems;
using Reseller.ServiceDefaults.Queues;

namespace Reseller.Partners.Webhooks.Deliveries;

/// <summary>The delivery log of an endpoint (newest first, each attempt with its answer) and redelivery.</summary>
public static class WebhookDeliveriesApi
{
    public static IEndpointRouteBuilder MapWebhookDeliveriesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/webhook-endpoints/{id}/deliveries", ListAsync).WithTags("Webhooks").RequireAuthorization(PlatformPolicies.PartnerBilling)
            .WithName("ListWebhookDeliveries").WithSummary("The endpoint's deliveries, newest first, with every attempt")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapPost("/api/v1/webhook-deliveries/{id}/redeliver", RedeliverAsync).WithTags("Webhooks").RequireAuthorization(PlatformPolicies.PartnerBilling)
            .WithName("RedeliverWebhook").WithSummary("Send a delivery's event again, now, with a new round of retries")
            .WithDescription("409 when the delivery's endpoint is disabled (enable it first) or deleted.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Ok<Page<WebhookDeliveryResponse>>> ListAsync(
        string id, [FromQuery(Name = "page_size")] int? pageSize, [FromQuery(Name = "page_token")] string? pageToken, ClaimsPrincipal user, PartnersDb db,
        CancellationToken cancellationToken)
    {
        var endpoint = await WebhookEndpointsApi.FindAsync(db, id, user, cancellationToken);
        var deliveries = db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == endpoint.Id);
        var page = await KeysetPage.ReadAsync(deliveries, d => d.Id, ListSortDirection.Descending, pageSize, pageToken, d => d, cancellationToken);
        var ids = page.Data.Select(d => d.Id).ToList();
        var attempts = (await db.WebhookAttempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).ToListAsync(cancellationToken)).ToLookup(a => a.DeliveryId);
        return TypedResults.Ok(new Page<WebhookDeliveryResponse>(page.Data.Select(d => WebhookDeliveryResponse.From(d, attempts[d.Id])).ToList(), page.NextPageToken));
    }

    public static async Task<Accepted<WebhookDeliveryResponse>> RedeliverAsync(
        string id, ClaimsPrincipal user, PartnersDb db, QueueSignal<WebhookDelivery> signal, TimeProvider clock, CancellationToken cancellationToken)
    {
        var partnerId = user.PartnerId();
        if (!PublicId.TryParse(WebhookDelivery.IdPrefix, id, out var deliveryId))
        {
            throw ProblemException.NotFound("webhook delivery");
        }
        var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId && d.PartnerId == partnerId, cancellationToken)
            ?? throw ProblemException.NotFound("webhook delivery");
        var endpoint = await db.WebhookEndpoints.AsNoTracking().SingleAsync(e => e.Id == delivery.EndpointId, cancellationToken);
        if (endpoint.DeletedAt is not null)
        {
            throw WebhookProblems.EndpointDeleted();
        }
        if (!endpoint.Enabled)
        {
            throw WebhookProblems.EndpointDisabled();
        }
        delivery.Redeliver(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        var attempts = await db.WebhookAttempts.AsNoTracking().Where(a => a.DeliveryId == delivery.Id).ToListAsync(cancellationToken);
        return TypedResults.Accepted((string?)null, WebhookDeliveryResponse.From(delivery, attempts));
    }
}
