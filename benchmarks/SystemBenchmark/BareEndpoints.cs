using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Yarp.ReverseProxy.Configuration;

namespace Reseller.SystemBenchmark;

/// <summary>
/// The machine's HTTP floor, measured beside the system: a bare Kestrel minimal API answering 1 KB of JSON, and a bare
/// YARP hop in front of it (no authentication, no rate limit, no telemetry). Both in this process, like the load.
/// </summary>
public sealed class BareEndpoints : IAsyncDisposable
{
    private readonly WebApplication kestrel;
    private readonly WebApplication yarp;

    private BareEndpoints(WebApplication kestrel, WebApplication yarp)
    {
        this.kestrel = kestrel;
        this.yarp = yarp;
    }

    public Uri KestrelUrl => new(kestrel.Urls.First());

    public Uri YarpUrl => new(yarp.Urls.First());

    public static async Task<BareEndpoints> StartAsync()
    {
        var kestrel = Builder().Build();
        var body = new OneKilobyte("acc_" + Guid.NewGuid().ToString("N"), "bare", new string('x', 900));
        kestrel.MapGet("/item", () => Results.Json(body));
        await kestrel.StartAsync();

        var proxy = Builder();
        proxy.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "all", ClusterId = "bare", Match = new RouteMatch { Path = "{**rest}" } }],
            [new ClusterConfig { ClusterId = "bare", Destinations = new Dictionary<string, DestinationConfig> { ["one"] = new() { Address = kestrel.Urls.First() } } }]);
        var yarp = proxy.Build();
        yarp.MapReverseProxy();
        await yarp.StartAsync();
        return new BareEndpoints(kestrel, yarp);
    }

    private static WebApplicationBuilder Builder()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        return builder;
    }

    public async ValueTask DisposeAsync()
    {
        await yarp.DisposeAsync();
        await kestrel.DisposeAsync();
    }
}
