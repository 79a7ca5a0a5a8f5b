using MassTransit;

using Reseller.Partners.Webhooks.Deliveries;
using Reseller.Partners.Webhooks.Events;
using Reseller.Partners.Webhooks.Sending;
using Reseller.ServiceDefaults.Clock;
using Reseller.ServiceDefaults.Queues;

namespace Reseller.Partners.Webhooks;

/// <summary>
/// Webhooks live in Partners (endpoints belong to partners, who already authenticate and are mailed here) with their own
/// tables and their own queues (partners-webhook-…), so their consumers fail, retry and scale apart from the others.
/// </summary>
public static class WebhooksExtensions
{
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        var production = builder.Environment.IsProduction();
        builder.Services.Configure<WebhookOptions>(o =>
        {
            o.AllowPrivateAddresses = !production;
            builder.Configuration.GetSection(WebhookOptions.Section).Bind(o);
            // Production never reaches private addresses, whatever the configuration says.
            o.AllowPrivateAddresses &= !production;
        });
        builder.Services.AddSingleton<WebhookSecrets>();
        builder.Services.AddSingleton<WebhookSigningSecrets>();
        builder.Services.AddSingleton<QueueSignal<WebhookDelivery>>();
        builder.Services.AddSingleton<WebhookHttp>();
        builder.Services.AddScoped<WebhookEvents>();
        builder.Services.AddScoped<WebhookConsumption>();
        builder.Services.AddScoped<FailingEndpoints>();
        builder.Services.AddScoped<IDueJob, WebhookDeliveryWakeUp>();
        builder.Services.AddScoped<IDueJob, WebhookPurgeJob>();
        builder.Services.AddScoped<WebhookPurgeJob>();
        builder.Services.AddHostedService<WebhookDispatcher>();
        return builder;
    }

    public static IBusRegistrationConfigurator AddWebhookConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<WebhookAccountCreatedConsumer>();
        bus.AddConsumer<WebhookAccountStatusChangedConsumer>();
        bus.AddConsumer<WebhookInvoiceIssuedConsumer>();
        bus.AddConsumer<WebhookInvoicePaidConsumer>();
        bus.AddConsumer<WebhookAccountPlanChangedConsumer>();
        bus.AddConsumer<WebhookPayerChangedConsumer>();
        bus.AddConsumer<WebhookAccountTransferredOutConsumer>();
        bus.AddConsumer<WebhookPaymentFailedConsumer>();
        bus.AddConsumer<WebhookCreditNoteIssuedConsumer>();
        bus.AddConsumer<WebhookCommissionEarnedConsumer>();
        bus.AddConsumer<WebhookStatementPaidConsumer>();
        return bus;
    }
}
