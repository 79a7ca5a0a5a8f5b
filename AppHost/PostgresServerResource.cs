using Reseller.AppHost.Hosting;

namespace Reseller.AppHost;

public sealed class PostgresServerResource
{
    private readonly List<PostgresDatabaseResource> _databases = [];
    private readonly ResourceNames _names;

    internal PostgresServerResource(string name, ResourceNames names)
    {
        Name = name;
        _names = names;
    }

    public string Name { get; }

    public IReadOnlyList<PostgresDatabaseResource> Databases => _databases;

    public PostgresDatabaseResource AddDatabase(string name)
    {
        _names.Claim(name);
        var database = new PostgresDatabaseResource(name, this);
        _databases.Add(database);
        return database;
    }
}
