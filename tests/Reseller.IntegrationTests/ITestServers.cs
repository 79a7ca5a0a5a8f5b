using Microsoft.EntityFrameworkCore;

namespace Reseller.IntegrationTests;

/// <summary>The PostgreSQL and RabbitMQ a test starts its services on.</summary>
public interface ITestServers
{
    string PostgresConnectionString { get; }

    string MessagingConnectionString { get; }

    /// <summary>Creates an empty database of its own and returns its connection string.</summary>
    Task<string> CreateDatabaseAsync(string prefix);

    /// <summary>
    /// Creates a database of its own with <typeparamref name="TContext"/>'s migrations applied (a copy of a template migrated
    /// once per run) and returns its connection string.
    /// </summary>
    Task<string> CreateDatabaseAsync<TContext>(string prefix) where TContext : DbContext;
}
