using Reseller.Web.Forwarding;
using Reseller.Web.Session;

namespace Reseller.Web.Api;

public static class GatewayClients
{
    /// <summary>The gateway by service discovery (services:gateway:http:0, set by AppHost; the defaults add discovery and resilience), the one door to the API.</summary>
    public static IServiceCollection AddGatewayClients(this IServiceCollection services)
    {
        services.AddScoped<SessionToken>();
        services.AddScoped<PartnerAuthApi>();
        services.AddScoped<AccountAuthApi>();
        services.AddScoped<PartnersApi>();
        services.AddScoped<BillingApi>();
        services.AddScoped<AccountsApi>();
        services.AddScoped<AccountActionsApi>();
        services.AddScoped<CustomerApi>();
        services.AddScoped<ApiKeysApi>();
        services.AddScoped<OperatorApi>();
        services.AddScoped<CreditsApi>();
        services.AddScoped<CommissionsApi>();
        services.AddScoped<ProfileApi>();
        services.AddScoped<TeamApi>();
        services.AddScoped<TeamRoleApi>();
        services.AddScoped<CommissionStatementLinesApi>();
        services.AddScoped<InvoicePeriodSearchApi>();
        services.AddScoped<AttentionApi>();
        services.AddScoped<AccountDefaultsApi>();
        services.AddScoped<InvoiceSearchApi>();
        services.AddScoped<CreditNotesApi>();
        services.AddScoped<OperatorConsoleApi>();
        services.AddScoped<AccountSettingsApi>();
        services.AddScoped<StripeCardsApi>();
        services.AddTransient<BrowserAddressHandler>();
        services.AddHttpClient<GatewayApi>(c => c.BaseAddress = new Uri("http://gateway")).AddHttpMessageHandler<BrowserAddressHandler>();
        return services;
    }
}
