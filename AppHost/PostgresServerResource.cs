using Reseller.AppHost.Hosting;

namespace Reseller.AppHost;

public sealed class PostgresServerResource
{
    private readonly List<PostgresDatabaseResource> databases = [];
    private readonly ResourceNames names;

    internal PostgresServerResource(string name, ResourceNames names)
    {
        Name = name;
        this.names = names;
    }

    public string Name { get; }

    public IReadOnlyList<PostgresDatabaseResource> Databases => databases;

    public PostgresDatabaseResource AddDatabase(string name)
    {
        names.Claim(name);
        var database = new PostgresDatabaseResource(name, this);
        databases.Add(database);
        return database;
    }
}
