using Reseller.Partners.Payouts.PayPal;
using Reseller.ServiceDefaults.Clock;

namespace Reseller.Partners.Payouts;

/// <summary><c>Partners__Payouts__Provider</c>: <c>sandbox</c> (the default: pays nothing) or <c>paypal</c> (PayPal Payouts).</summary>
public static class PayoutRegistration
{
    public const string ProviderSetting = "Partners:Payouts:Provider";

    public static IServiceCollection AddPayouts(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration[ProviderSetting] ?? "sandbox";
        switch (provider.ToLowerInvariant())
        {
            case "paypal":
                services.AddOptions<PayPalOptions>().BindConfiguration(PayPalOptions.Section);
                services.AddHttpClient<IPayoutProvider, PayPalPayoutProvider>();
                break;
            case "sandbox":
                services.AddSingleton<IPayoutProvider, SandboxPayoutProvider>();
                break;
            default:
                throw new InvalidOperationException($"{ProviderSetting} must be sandbox or paypal, not {provider}.");
        }
        services.AddScoped<PayoutBatches>();
        services.AddScoped<IDueJob, PayoutStatusJob>();
        return services;
    }
}
