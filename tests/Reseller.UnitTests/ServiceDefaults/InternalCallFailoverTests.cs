using System.Net;
using System.Net.Sockets;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Reseller.ServiceDefaults;

namespace Reseller.UnitTests.ServiceDefaults;

/// <summary>
/// An internal client as every service registers it (AddServiceDefaults), with two replicas of "billing" in service
/// discovery, one of them dead (nothing listens on its port, as after a SIGKILL).
/// </summary>
public sealed class InternalCallFailoverTests
{
    private const int Calls = 200;

    [Fact]
    public async Task With_one_of_two_replicas_dead_every_call_succeeds_on_the_live_one_and_no_post_is_sent_twice()
    {
        var received = 0;
        await using var live = await StartLiveReplicaAsync(() => Interlocked.Increment(ref received));
        await using var caller = BuildCaller(deadReplica: DeadAddress(), liveReplica: Address(live));
        var http = caller.Services.GetRequiredService<IHttpClientFactory>().CreateClient();
        http.BaseAddress = new Uri("http://billing");

        var statuses = new List<HttpStatusCode>();
        for (var batch = 0; batch < Calls / 10; batch++)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => batch % 2 == 0
                ? http.PostAsync("/purchases", new StringContent($"{batch}-{i}"))
                : http.GetAsync("/purchases")));
            statuses.AddRange(answers.Select(a => a.StatusCode));
        }

        Assert.Equal(Calls, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(Calls, received);
    }

    private static async Task<WebApplication> StartLiveReplicaAsync(Action onRequest)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/purchases", () =>
        {
            onRequest();
            return Results.Ok();
        });
        app.MapGet("/purchases", () =>
        {
            onRequest();
            return Results.Ok();
        });
        await app.StartAsync();
        return app;
    }

    private static WebApplication BuildCaller(string deadReplica, string liveReplica)
    {
        // Development, as a service runs here: Production would demand its deployment secrets (the idempotency key).
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.Configuration["services:billing:http:0"] = deadReplica;
        builder.Configuration["services:billing:http:1"] = liveReplica;
        builder.AddServiceDefaults();
        return builder.Build();
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>A port that was free a moment ago: connecting to it is refused, as to a killed process.</summary>
    private static string DeadAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }
}
