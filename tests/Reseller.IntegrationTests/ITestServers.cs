namespace Reseller.IntegrationTests;

/// <summary>The PostgreSQL and RabbitMQ a test starts its services on.</summary>
public interface ITestServers
{
    string PostgresConnectionString { get; }

    string MessagingConnectionString { get; }

    /// <summary>Creates an empty database of its own and returns its connection string.</summary>
    Task<string> CreateDatabaseAsync(string prefix);
}
