using MassTransit;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using Reseller.ServiceDefaults.Data;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.IntegrationTests.Messaging;

/// <summary>A service-shaped host: ServiceDefaults' messaging (outbox dispatcher, MassTransit on RabbitMQ) over its own database.</summary>
public sealed class MessagingHost : IAsyncDisposable
{
    private readonly IHost host;

    private MessagingHost(IHost host) => this.host = host;

    public IServiceProvider Services => host.Services;

    /// <summary>Starts a host whose WidgetMade consumer reads <paramref name="queueName"/>, its WidgetPainted one "<paramref name="queueName"/>-paint".</summary>
    public static async Task<MessagingHost> StartAsync(
        ITestServers infrastructure, string databaseConnectionString, string queueName, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:messaging"] = infrastructure.MessagingConnectionString,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddDbContext<TestDb>(o => DatabaseExtensions.Configure(o, databaseConnectionString));
        builder.AddServiceMessaging<HostApplicationBuilder, TestDb>(bus =>
        {
            bus.AddConsumer<WidgetMadeConsumer>().Endpoint(e => e.Name = queueName);
            bus.AddConsumer<WidgetPaintedConsumer>().Endpoint(e => e.Name = PaintQueue(queueName));
        });
        var host = builder.Build();

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TestDb>().Database.EnsureCreatedAsync();
        }
        await host.StartAsync();
        return new MessagingHost(host);
    }

    public static string PaintQueue(string queueName) => queueName + "-paint";

    public async Task InTransactionAsync(Func<TestDb, Task> work, bool commit)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDb>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await work(db);
        await db.SaveChangesAsync();
        if (commit)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
        }
    }

    public async Task<T> QueryAsync<T>(Func<TestDb, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TestDb>());
    }

    public IBus Bus => host.Services.GetRequiredService<IBus>();

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
