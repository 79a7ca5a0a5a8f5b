using Microsoft.Extensions.DependencyInjection.Extensions;

using Stripe;

namespace Reseller.Billing.Payments.Stripe;

public static class StripePayments
{
    /// <summary>
    /// Stripe as the payment provider (all three ports), with its own HttpClient: one call lasts at most the configured
    /// timeout and is never retried here, since a lost answer is settled by the webhook or the recovery job under the same key.
    /// </summary>
    public static IServiceCollection AddStripePayments(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = StripeSettings.From(configuration);
        services.AddSingleton(settings);
        services.TryAddSingleton(_ => new StripeClient(new StripeClientOptions
        {
            ApiKey = settings.SecretKey,
            ApiBase = settings.ApiBase.ToString().TrimEnd('/'),
            HttpClient = new SystemNetHttpClient(new HttpClient { Timeout = settings.Timeout }, maxNetworkRetries: 0, appInfo: null, enableTelemetry: false),
        }));
        services.AddSingleton<StripePaymentProvider>();
        services.AddSingleton<IPaymentProvider>(sp => sp.GetRequiredService<StripePaymentProvider>());
        services.AddSingleton<ICardVault>(sp => sp.GetRequiredService<StripePaymentProvider>());
        services.AddSingleton<IRefunds>(sp => sp.GetRequiredService<StripePaymentProvider>());
        services.AddScoped<StripeWebhookHandler>();
        return services;
    }
}
