using Reseller.Gateway;
using Reseller.Gateway.ApiKeys;
using Reseller.Gateway.Clock;
using Reseller.Gateway.Cors;
using Reseller.Gateway.Docs;
using Reseller.Gateway.RateLimiting;
using Reseller.Gateway.Routing;
using Reseller.ServiceDefaults;
using Reseller.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGatewayService();
builder.AddSessionEventsOnly();

var app = builder.Build();

// First: the dashboard's calls are limited as the browser they serve (the only caller whose X-Forwarded-For is believed).
app.UseMiddleware<ForwardedClientAddress>();
app.UseGatewayCors(app.Configuration);
// Before authentication: an API key becomes a platform token that the gateway and the services validate as any other.
app.UseMiddleware<ApiKeyExchangeMiddleware>();
app.MapDefaultEndpoints();
app.UseRateLimiter();
app.MapPlatformClockApi();
app.MapApiDocs();
app.MapApiNotFound();
app.MapReverseProxy(proxy =>
{
    proxy.UseMiddleware<ProxyFailover>();
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
}).ConfigureEndpoints(GatewayRoutes.LimitBodies);

app.Run();
