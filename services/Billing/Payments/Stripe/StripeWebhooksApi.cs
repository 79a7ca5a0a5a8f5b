using Microsoft.AspNetCore.Http.HttpResults;

using Reseller.ServiceDefaults.Problems;

using Stripe;

namespace Reseller.Billing.Payments.Stripe;

public static class StripeWebhooksApi
{
    public const string Path = "/api/v1/providers/stripe/webhooks";

    /// <summary>Stripe's events: anonymous, but refused unless signed with the webhook secret within the tolerance (Stripe-Signature).</summary>
    public static IEndpointRouteBuilder MapStripeWebhooksApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ReceiveAsync).AllowAnonymous().WithTags("Billing").WithName("ReceiveStripeWebhook")
            .WithSummary("Receive a Stripe event (signed with the webhook secret)").ProducesProblem(400).ProducesProblem(404).ProducesProblem(503);
        return app;
    }

    public static async Task<Results<Ok, NotFound>> ReceiveAsync(HttpRequest request, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService<StripeSettings>() is not { } settings || services.GetService<StripeWebhookHandler>() is not { } handler)
        {
            return TypedResults.NotFound();
        }
        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(cancellationToken);
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(json, request.Headers["Stripe-Signature"], settings.WebhookSecret,
                (long)settings.WebhookTolerance.TotalSeconds, throwOnApiVersionMismatch: false);
        }
        catch (StripeException)
        {
            throw new ProblemException(400, "stripe-signature-invalid", "The Stripe signature is missing, wrong or too old.",
                "Stripe signs each event with the endpoint's secret and a timestamp (Stripe-Signature: t=…,v1=…).");
        }
        await handler.ApplyOnceAsync(stripeEvent, cancellationToken);
        return TypedResults.Ok();
    }
}
