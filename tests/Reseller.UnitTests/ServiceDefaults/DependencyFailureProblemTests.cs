using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

using Polly.CircuitBreaker;
using Polly.Timeout;

using Reseller.ServiceDefaults.Problems;
using Reseller.ServiceDefaults.Resilience;

namespace Reseller.UnitTests.ServiceDefaults;

/// <summary>A service whose dependency cannot be reached answers 503 problem+json with Retry-After, never 500.</summary>
public sealed class DependencyFailureProblemTests : IAsyncLifetime, IDisposable
{
    private WebApplication app = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["services:billing:http:0"] = DeadAddress();
        builder.Configuration["services:billing:http:1"] = DeadAddress();
        // The two pieces of AddServiceDefaults at work here, without its authentication (which needs signing keys).
        builder.Services.AddPlatformProblemDetails();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(client => client.AddInternalCallResilience());
        app = builder.Build();
        app.UseExceptionHandler();
        app.MapGet("/refused", () => Throw(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:1)")));
        app.MapGet("/broken-circuit", () => Throw(new BrokenCircuitException("The circuit is now open and is not allowing calls.")));
        app.MapGet("/timed-out", () => Throw(new TimeoutRejectedException("The operation didn't complete within the allowed timeout of '00:00:10'.")));
        app.MapGet("/client-timeout", () => Throw(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout.", new TimeoutException())));
        app.MapGet("/bug", () => Throw(new InvalidOperationException("a bug")));
        app.MapGet("/billing-down", async (IHttpClientFactory clients) =>
        {
            var billing = clients.CreateClient();
            await billing.GetAsync(new Uri("http://billing/api/v1/billing-profiles/bp_1"));
            return "unreachable";
        });
        await app.StartAsync();
        http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    public void Dispose() => http.Dispose();

    [Theory]
    [InlineData("/refused")]
    [InlineData("/broken-circuit")]
    [InlineData("/timed-out")]
    [InlineData("/client-timeout")]
    [InlineData("/billing-down")]
    public async Task An_unreachable_dependency_is_503_problem_json_with_retry_after(string path)
    {
        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After tells the caller when to try again");
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("https://reseller.dev/problems/dependency-unavailable", problem["type"]!.GetValue<string>());
        Assert.Equal(503, problem["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Any_other_failure_stays_a_500()
    {
        using var response = await http.GetAsync("/bug");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    private static string Throw(Exception exception) => throw exception;

    private static string DeadAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }
}
