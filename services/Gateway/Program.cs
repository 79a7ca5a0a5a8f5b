using Reseller.Gateway;
using Reseller.Gateway.Clock;
using Reseller.Gateway.Docs;
using Reseller.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGatewayServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapPlatformClockApi();
app.MapApiDocs();
app.MapReverseProxy();

app.Run();
