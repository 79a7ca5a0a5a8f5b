using Microsoft.EntityFrameworkCore;

namespace Reseller.IntegrationTests;

/// <summary>
/// The servers of a test class that starts services in this process with the services' own exchanges and queue names: the
/// shared PostgreSQL, and a virtual host of the shared broker held by this class alone while it runs, so two such classes
/// running side by side never take each other's messages. There are <see cref="TestInfrastructure.Lanes"/> of them: only
/// that many such classes run at once, beside the classes whose servers or processes are their own.
/// </summary>
public sealed class ServiceHostsLane(TestInfrastructure infrastructure) : ITestServers, IAsyncLifetime
{
    private string? virtualHost;

    public string PostgresConnectionString => infrastructure.PostgresConnectionString;

    public string MessagingConnectionString =>
        infrastructure.Broker!.ConnectionStringOf(virtualHost ?? throw new InvalidOperationException("the lane is not held yet"));

    public Task<string> CreateDatabaseAsync(string prefix) => infrastructure.CreateDatabaseAsync(prefix);

    public Task<string> CreateDatabaseAsync<TContext>(string prefix) where TContext : DbContext => infrastructure.CreateDatabaseAsync<TContext>(prefix);

    public async Task InitializeAsync() => virtualHost = await infrastructure.TakeLaneAsync();

    public Task DisposeAsync()
    {
        if (virtualHost is not null)
        {
            infrastructure.GiveBackLane(virtualHost);
        }
        return Task.CompletedTask;
    }
}
