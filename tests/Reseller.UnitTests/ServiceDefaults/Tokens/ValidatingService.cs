using System.Net.Http.Headers;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Tokens;

namespace Reseller.UnitTests.ServiceDefaults.Tokens;

/// <summary>A service (by default Billing) with the platform's authentication, a partner endpoint and an internal one for Credits.</summary>
public sealed class ValidatingService : IAsyncDisposable
{
    public const string AdminKey = "operator-key-operator-key-operator-key";

    private readonly WebApplication app;
    private readonly HttpClient http;

    private ValidatingService(WebApplication app, HttpClient http)
    {
        this.app = app;
        this.http = http;
    }

    public EndedSessions EndedSessions => app.Services.GetRequiredService<EndedSessions>();

    public static async Task<ValidatingService> StartAsync(IReadOnlyList<TestIssuer> issuers, string name = "Reseller.Billing", TimeSpan issuerLatency = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = name });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Reseller:AdminKey"] = AdminKey;
        builder.Services.AddSingleton<TimeProvider>(issuers[0].Clock);
        builder.AddPlatformAuthentication();
        builder.Services.AddHttpClient(IssuerKeys.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new IssuersHandler(issuers, issuerLatency));
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/partner", () => "partner").RequireAuthorization(PlatformPolicies.Partner);
        app.MapPost("/internal/credit-purchases", (HttpContext context) => context.User.PartnerId().ToString())
            .RequireAuthorization(PlatformPolicies.InternalCaller(TrustedIssuers.Credits));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ValidatingService(app, new HttpClient { BaseAddress = new Uri(address) });
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? bearer = null, string? adminKey = null) => SendAsync(HttpMethod.Get, path, bearer, adminKey);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? bearer = null, string? adminKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        if (adminKey is not null)
        {
            request.Headers.Add(AdminKeyAuthenticationHandler.HeaderName, adminKey);
        }
        return await http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await app.DisposeAsync();
    }
}
