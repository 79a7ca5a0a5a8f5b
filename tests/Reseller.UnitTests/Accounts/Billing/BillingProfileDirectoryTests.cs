using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Reseller.Accounts.Billing;
using Reseller.Accounts.Data;
using Reseller.ServiceDefaults.InternalCalls;
using Reseller.ServiceDefaults.Problems;
using Reseller.ServiceDefaults.Resilience;

namespace Reseller.UnitTests.Accounts.Billing;

/// <summary>A card Accounts has not heard of is asked of Billing; while no replica of Billing answers, that is 503 problem+json, never 500.</summary>
public sealed class BillingProfileDirectoryTests : IAsyncLifetime, IDisposable
{
    private WebApplication app = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration["services:billing:http:0"] = DeadAddress();
        builder.Configuration["services:billing:http:1"] = DeadAddress();
        // What Accounts registers for the directory, over a database it never reaches (an anonymous caller knows no card).
        builder.Services.AddPlatformProblemDetails();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(client => client.AddInternalCallResilience());
        builder.Services.AddDbContext<AccountsDb>(db => db.UseNpgsql("Host=127.0.0.1;Database=never-opened"));
        builder.Services.AddInternalServiceClient();
        builder.Services.AddScoped<BillingProfileDirectory>();
        app = builder.Build();
        app.UseExceptionHandler();
        app.MapGet("/cards/{id}", async (string id, BillingProfileDirectory cards, CancellationToken cancellationToken) =>
            await cards.BelongsToCallerAsync(id, cancellationToken) ? "the caller's" : "not the caller's");
        await app.StartAsync();
        http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    public void Dispose() => http.Dispose();

    [Fact]
    public async Task A_card_asked_of_an_unreachable_billing_is_503_dependency_unavailable_not_500()
    {
        using var response = await http.GetAsync(new Uri("/cards/bp_0193a1b2c3d47e8f9a0b1c2d3e4f5a6b", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After tells the caller when to try again");
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("https://reseller.dev/problems/" + DependencyFailures.Slug, problem["type"]!.GetValue<string>());
        Assert.Equal(503, problem["status"]!.GetValue<int>());
    }

    private static string DeadAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }
}
