namespace Reseller.AppHost;

public sealed class PostgresDatabaseResource
{
    internal PostgresDatabaseResource(string name, PostgresServerResource server)
    {
        Name = name;
        Server = server;
    }

    public string Name { get; }

    public PostgresServerResource Server { get; }
}
