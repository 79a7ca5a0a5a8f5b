using System.Net;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using Reseller.Gateway.RateLimiting;
using Reseller.ServiceDefaults.Forwarding;

namespace Reseller.UnitTests.Gateway;

public sealed class ForwardedClientAddressTests
{
    private const string AdminKey = "the operator's key";

    private static readonly string Secret = ClientAddressForwarding.SecretFrom(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Reseller:AdminKey"] = AdminKey }).Build())!;

    [Fact]
    public async Task One_browser_past_its_limit_through_the_dashboard_does_not_block_another_browser()
    {
        await using var app = await StartAsync(perMinute: 2);
        using var http = ClientOf(app);

        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            first.Add(await SignInAsync(http, forwardedFor: "203.0.113.1", secret: Secret));
        }
        var second = await SignInAsync(http, forwardedFor: "203.0.113.2", secret: Secret);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.OK, second);
    }

    [Fact]
    public async Task A_forged_x_forwarded_for_without_the_secret_or_with_a_wrong_one_is_ignored()
    {
        await using var app = await StartAsync(perMinute: 2);
        using var http = ClientOf(app);

        // Every call below comes from this test's own address, whatever it claims: the third is over that address's limit.
        var answers = new List<HttpStatusCode>
        {
            await SignInAsync(http, forwardedFor: "198.51.100.1", secret: null),
            await SignInAsync(http, forwardedFor: "198.51.100.2", secret: "guessed"),
            await SignInAsync(http, forwardedFor: "198.51.100.3", secret: null),
        };

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task The_secret_never_travels_on_and_the_client_address_is_the_forwarded_one_only_with_it()
    {
        await using var app = await StartAsync(perMinute: 100);
        using var http = ClientOf(app);

        using var withSecret = Request("/seen", "203.0.113.7", Secret);
        var trusted = await (await http.SendAsync(withSecret)).Content.ReadAsStringAsync();
        using var forged = Request("/seen", "203.0.113.7", "guessed");
        var untrusted = await (await http.SendAsync(forged)).Content.ReadAsStringAsync();

        Assert.Equal("203.0.113.7|", trusted);
        Assert.Equal("127.0.0.1|", untrusted);
    }

    private static async Task<WebApplication> StartAsync(int perMinute)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Reseller:AdminKey"] = AdminKey });
        builder.Services.AddProblemDetails();
        builder.Services.AddAnonymousCallerLimits(perMinute);
        var app = builder.Build();
        app.UseMiddleware<ForwardedClientAddress>();
        app.UseRateLimiter();
        app.MapPost("/api/v1/auth/token", () => "token").RequireRateLimiting(AnonymousCallerLimits.Policy);
        app.MapGet("/seen", (HttpContext context) =>
            $"{ClientAddress.Of(context)}|{context.Request.Headers[ClientAddressForwarding.SecretHeader]}");
        await app.StartAsync();
        return app;
    }

    private static HttpClient ClientOf(WebApplication app) =>
        new() { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

    private static async Task<HttpStatusCode> SignInAsync(HttpClient http, string forwardedFor, string? secret)
    {
        using var request = Request("/api/v1/auth/token", forwardedFor, secret, HttpMethod.Post);
        using var answer = await http.SendAsync(request);
        return answer.StatusCode;
    }

    private static HttpRequestMessage Request(string path, string forwardedFor, string? secret, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        request.Headers.Add(ClientAddressForwarding.ForwardedForHeader, forwardedFor);
        if (secret is not null)
        {
            request.Headers.Add(ClientAddressForwarding.SecretHeader, secret);
        }
        return request;
    }
}
