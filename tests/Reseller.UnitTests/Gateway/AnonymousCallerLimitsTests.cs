using System.Net;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using Reseller.AppHost.Hosting;
using Reseller.Gateway.RateLimiting;
using Reseller.Gateway.Routing;

namespace Reseller.UnitTests.Gateway;

public sealed class AnonymousCallerLimitsTests
{
    [Fact]
    public async Task Past_the_limit_a_client_gets_429_problem_json_with_retry_after()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddProblemDetails();
        builder.Services.AddAnonymousCallerLimits(perMinute: 3);
        await using var app = builder.Build();
        app.UseRateLimiter();
        app.MapPost("/api/v1/auth/token", () => "token").RequireRateLimiting(AnonymousCallerLimits.Policy);
        app.MapPost("/api/v1/unlimited", () => "ok");
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await http.PostAsync("/api/v1/auth/token", null));
        }

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var refused = answers[3];
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal(429, problem["status"]!.GetValue<int>());
        Assert.EndsWith("/rate-limited", problem["type"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((int)refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, problem["retry_after_seconds"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/api/v1/unlimited", null)).StatusCode);
        await app.StopAsync();
    }

    [Theory]
    [InlineData("Development", LocalGatewayLimits.AnonymousPerMinute, LocalGatewayLimits.PartnerPerMinute)]
    [InlineData("Production", AnonymousCallerLimits.DefaultPerMinute, CredentialCallerLimits.DefaultPerMinute)]
    public void A_local_run_lets_a_test_suite_call_from_one_address_far_more_often_than_production_does(string environment, int anonymous, int perPartner)
    {
        var gateway = new ConfigurationBuilder()
            .AddInMemoryCollection(LocalGatewayLimits.For(environment, new ConfigurationBuilder().Build())
                .Select(setting => KeyValuePair.Create(setting.Key.Replace("__", ":", StringComparison.Ordinal), (string?)setting.Value)))
            .Build();

        Assert.Equal(anonymous, gateway.GetValue(AnonymousCallerLimits.Setting, AnonymousCallerLimits.DefaultPerMinute));
        Assert.Equal(perPartner, gateway.GetValue(CredentialCallerLimits.Setting, CredentialCallerLimits.DefaultPerMinute));
    }

    [Fact]
    public void A_limit_set_for_the_local_run_is_kept()
    {
        var configured = new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create("Gateway:AnonymousRequestsPerMinute", (string?)"120")]).Build();

        Assert.Contains(KeyValuePair.Create("Gateway__AnonymousRequestsPerMinute", "120"), LocalGatewayLimits.For("Development", configured));
    }

    [Fact]
    public void Every_route_open_without_a_credential_is_limited_per_address_except_the_public_catalog_and_every_other_per_partner()
    {
        var routes = GatewayRoutes.All();

        Assert.All(routes.Where(r => r.AuthorizationPolicy == "anonymous" && r.RouteId != "billing-catalog"),
            r => Assert.Equal(AnonymousCallerLimits.Policy, r.RateLimiterPolicy));
        Assert.Null(routes.Single(r => r.RouteId == "billing-catalog").RateLimiterPolicy);
        Assert.All(routes.Where(r => r.AuthorizationPolicy != "anonymous"), r => Assert.Equal(CredentialCallerLimits.Policy, r.RateLimiterPolicy));
        Assert.Contains(routes, r => r.RouteId == "partners-token" && r.RateLimiterPolicy == AnonymousCallerLimits.Policy);
    }
}
