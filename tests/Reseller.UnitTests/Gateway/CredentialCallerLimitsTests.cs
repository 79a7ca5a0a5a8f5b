using System.Net;
using System.Security.Claims;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

using Reseller.Gateway.RateLimiting;
using Reseller.ServiceDefaults.Auth;

namespace Reseller.UnitTests.Gateway;

public sealed class CredentialCallerLimitsTests
{
    [Fact]
    public async Task Past_the_limit_a_partner_gets_429_problem_json_with_retry_after_and_other_partners_do_not()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddProblemDetails();
        builder.Services.AddCredentialCallerLimits(perMinute: 3);
        await using var app = builder.Build();
        // Stands in for authentication: the test names the caller's partner in a header.
        app.Use((context, next) =>
        {
            if (context.Request.Headers["X-Test-Partner"].ToString() is { Length: > 0 } partner)
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(PlatformClaims.PartnerId, partner)], "test"));
            }
            return next(context);
        });
        app.UseRateLimiter();
        app.MapGet("/api/v1/accounts", () => "accounts").RequireRateLimiting(CredentialCallerLimits.Policy);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

        var busy = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            busy.Add(await SendAsync(http, "partner-a"));
        }

        Assert.All(busy.Take(3), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var refused = busy[3];
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.EndsWith("/rate-limited", JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["type"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, "partner-b")).StatusCode);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, partner: null)).StatusCode);
        }
        await app.StopAsync();
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string? partner)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/accounts");
        if (partner is not null)
        {
            request.Headers.Add("X-Test-Partner", partner);
        }
        return await http.SendAsync(request);
    }
}
