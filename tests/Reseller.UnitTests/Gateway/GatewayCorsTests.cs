using System.Net;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using Reseller.Gateway.Cors;

namespace Reseller.UnitTests.Gateway;

public sealed class GatewayCorsTests
{
    private const string Dashboard = "https://console.partner.test";

    [Fact]
    public async Task Without_configured_origins_no_answer_carries_a_cors_header()
    {
        await using var app = await StartAsync([]);
        using var http = Client(app);

        var preflight = await http.SendAsync(Preflight(Dashboard));
        var call = await http.SendAsync(Get(Dashboard));

        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(call.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.OK, call.StatusCode);
    }

    [Fact]
    public async Task A_configured_origin_gets_its_preflight_answered_with_the_credential_headers_and_its_calls_allowed()
    {
        await using var app = await StartAsync(new Dictionary<string, string?> { [GatewayCors.Section] = $"{Dashboard}/, https://other.test" });
        using var http = Client(app);

        var preflight = await http.SendAsync(Preflight(Dashboard));
        var call = await http.SendAsync(Get(Dashboard));

        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal(Dashboard, Assert.Single(preflight.Headers.GetValues("Access-Control-Allow-Origin")));
        var allowed = string.Join(',', preflight.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("authorization", allowed, StringComparison.Ordinal);
        Assert.Contains("idempotency-key", allowed, StringComparison.Ordinal);
        Assert.Contains("content-type", allowed, StringComparison.Ordinal);
        Assert.Contains("POST", string.Join(',', preflight.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        Assert.Equal(Dashboard, Assert.Single(call.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task An_origin_not_listed_and_paths_outside_the_api_get_no_cors_header()
    {
        await using var app = await StartAsync(new Dictionary<string, string?> { [$"{GatewayCors.Section}:0"] = Dashboard });
        using var http = Client(app);

        var stranger = await http.SendAsync(Preflight("https://evil.test"));
        var outside = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/health") { Headers = { { "Origin", Dashboard } } });

        Assert.False(stranger.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(outside.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public void Origins_come_from_an_array_or_one_comma_separated_value()
    {
        var fromArray = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{GatewayCors.Section}:0"] = "https://a.test",
            [$"{GatewayCors.Section}:1"] = "https://b.test/",
        }).Build();
        var fromList = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [GatewayCors.Section] = " https://a.test ,https://b.test" }).Build();

        Assert.Equal(["https://a.test", "https://b.test"], GatewayCors.Origins(fromArray));
        Assert.Equal(["https://a.test", "https://b.test"], GatewayCors.Origins(fromList));
        Assert.Empty(GatewayCors.Origins(new ConfigurationBuilder().Build()));
    }

    private static async Task<WebApplication> StartAsync(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddGatewayCors(builder.Configuration);
        var app = builder.Build();
        app.UseGatewayCors(app.Configuration);
        app.MapGet("/api/v1/catalog", () => "catalog");
        app.MapPost("/api/v1/accounts", () => Results.Unauthorized());
        app.MapGet("/health", () => "healthy");
        await app.StartAsync();
        return app;
    }

    private static HttpClient Client(WebApplication app) =>
        new() { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

    private static HttpRequestMessage Preflight(string origin) => new(HttpMethod.Options, "/api/v1/accounts")
    {
        Headers =
        {
            { "Origin", origin },
            { "Access-Control-Request-Method", "POST" },
            { "Access-Control-Request-Headers", "authorization,idempotency-key,content-type" },
        },
    };

    private static HttpRequestMessage Get(string origin) => new(HttpMethod.Get, "/api/v1/catalog") { Headers = { { "Origin", origin } } };
}
