using Reseller.Partners.Payouts.PayPal;
using Reseller.ServiceDefaults.Clock;

namespace Reseller.Partners.Payouts;

/// <summary>
/// <c>Partners__Payouts__Provider</c>: <c>sandbox</c> (pays nothing: the default outside Production, and Production refuses to
/// start with it rather than mark commissions paid that nobody received) or <c>paypal</c> (PayPal Payouts).
/// </summary>
public static class PayoutRegistration
{
    public const string ProviderSetting = "Partners:Payouts:Provider";

    public static IServiceCollection AddPayouts(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration[ProviderSetting] is { Length: > 0 } named ? named.Trim() : "sandbox";
        switch (provider.ToLowerInvariant())
        {
            case "sandbox" when environment.IsProduction():
                throw new InvalidOperationException($"Production refuses to start with the sandbox payout provider: set {ProviderSetting} to 'paypal'.");
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
