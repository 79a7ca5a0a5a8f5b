using System.Net;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Reseller.AppHost.Hosting;
using Reseller.AppHost.Logging;
using Reseller.AppHost.OpsConsole.Access;
using Reseller.AppHost.OpsConsole.Components;
using Reseller.AppHost.OpsConsole.Resources;

namespace Reseller.AppHost.OpsConsole;

/// <summary>
/// The ops console, served from inside the AppHost (as Aspire's dashboard is fed by its host): it reads the telemetry stores
/// and console lines in memory and stops and starts replicas through the same process managers, with no second process to
/// start, secure or keep in step. On 127.0.0.1:18888 (<c>AppHost__DashboardPort</c>; a free port when taken or with ephemeral ports).
/// </summary>
internal sealed class ConsoleHost : IAsyncDisposable
{
    public const int DefaultPort = 18888;

    private readonly WebApplication web;
    private readonly ConsoleAccess access;

    private ConsoleHost(WebApplication web, ConsoleAccess access)
    {
        this.web = web;
        this.access = access;
    }

    public Uri Url => new(web.Urls.First());

    public static async Task<ConsoleHost> StartAsync(
        DistributedApplication app, IConfiguration configuration, bool ephemeralPorts, LogWriter log, CancellationToken cancellationToken)
    {
        var port = ephemeralPorts ? 0 : ConfiguredPort.Read(configuration, "AppHost:DashboardPort") ?? DefaultPort;
        if (port != 0 && !Ports.IsFree(port))
        {
            log.Line("apphost", $"port {port} is taken: the console listens on a free port instead");
            port = 0;
        }
        try
        {
            return await StartOnAsync(app, log, port, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException) when (port != 0)
        {
            return await StartOnAsync(app, log, 0, cancellationToken).ConfigureAwait(false);
        }
    }

    public void ShowLogin(LogWriter log, bool interactive)
    {
        var url = Url.ToString().TrimEnd('/');
        if (access.Unsecured)
        {
            log.Line("apphost", $"console: {url} (unsecured)");
            return;
        }
        // The token lives as long as this process: a new one each start.
        log.Line("apphost", $"console: {url}/login?t={access.Token}");
        if (!interactive)
        {
            log.Line("apphost", $"console token: {access.Token}");
        }
    }

    public async ValueTask DisposeAsync() => await web.DisposeAsync().ConfigureAwait(false);

    private static async Task<ConsoleHost> StartOnAsync(DistributedApplication app, LogWriter log, int port, CancellationToken cancellationToken)
    {
        var builder = InProcessWebHost.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.AddRazorComponents();
        builder.Services.AddSingleton(app);
        builder.Services.AddSingleton(app.ConsoleAccess);
        builder.Services.AddSingleton<HealthProbe>();
        builder.Services.AddSingleton(new ReplicaCommands(app, log));
        var web = builder.Build();
        web.Use((context, next) => ConsoleAuthentication.InvokeAsync(context, next, app.ConsoleAccess));
        web.UseAntiforgery();
        ConsoleEndpoints.Map(web);
        web.MapRazorComponents<App>();
        await web.StartAsync(cancellationToken).ConfigureAwait(false);
        return new ConsoleHost(web, app.ConsoleAccess);
    }
}
