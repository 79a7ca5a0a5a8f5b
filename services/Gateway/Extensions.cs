using Microsoft.AspNetCore.Authorization;

using Reseller.Gateway.ApiKeys;
using Reseller.Gateway.Clock;
using Reseller.Gateway.Cors;
using Reseller.Gateway.Docs;
using Reseller.Gateway.RateLimiting;
using Reseller.Gateway.Routing;
using Reseller.ServiceDefaults.InternalCalls;

namespace Reseller.Gateway;

public static class Extensions
{
    public static IHostApplicationBuilder AddGatewayService(this IHostApplicationBuilder builder)
    {
        var services = ServiceDestinations.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(services);
        var routes = GatewayRoutes.All().ToList();
        var clusters = GatewayClusters.From(services).ToList();
        if (DashboardRoutes.Instances(builder.Configuration) is { Count: > 0 } dashboard)
        {
            routes.Add(DashboardRoutes.Route());
            clusters.Add(DashboardRoutes.ClusterOf(dashboard));
        }
        builder.Services.AddReverseProxy().LoadFromMemory(routes, clusters);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(GatewayRoutes.AuthenticatedPolicy, new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
#pragma warning disable EXTEXP0001 // The clock call waits for every due job; the standard 30 s resilience timeout must not cut it short.
        builder.Services.AddHttpClient<PlatformClockFanOut>(c => c.Timeout = TimeSpan.FromMinutes(15)).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddHttpClient<OpenApiAggregator>();
        builder.Services.AddInternalServiceClient();
        builder.Services.AddTransient<ApiKeyVerifier>();
        builder.Services.AddSingleton<OpenApiCache>();
        var anonymousPerMinute = builder.Configuration.GetValue(AnonymousCallerLimits.Setting, AnonymousCallerLimits.DefaultPerMinute);
        builder.Services.AddAnonymousCallerLimits(anonymousPerMinute);
        builder.Services.AddCredentialCallerLimits(builder.Configuration.GetValue(CredentialCallerLimits.Setting, CredentialCallerLimits.DefaultPerMinute));
        builder.Services.AddSingleton(new FailedKeyChecks(anonymousPerMinute));
        builder.Services.AddTrustedProxies(builder.Configuration);
        builder.Services.AddGatewayCors(builder.Configuration);
        return builder;
    }
}
