namespace Reseller.AppHost;

public sealed class ProjectResource
{
    private readonly List<PostgresDatabaseResource> _databases = [];
    private readonly List<RabbitMqServerResource> _brokers = [];
    private readonly List<ProjectResource> _projects = [];
    private readonly List<ProjectResource> _peers = [];
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    internal ProjectResource(string name, string projectDirectory, string assemblyName)
    {
        Name = name;
        ProjectDirectory = projectDirectory;
        AssemblyName = assemblyName;
    }

    public string Name { get; }

    public string ProjectDirectory { get; }

    public string AssemblyName { get; }

    public int Replicas { get; private set; } = 1;

    public int? HttpPort { get; private set; }

    public IReadOnlyList<PostgresDatabaseResource> DatabaseReferences => _databases;

    public IReadOnlyList<RabbitMqServerResource> BrokerReferences => _brokers;

    public IReadOnlyList<ProjectResource> ProjectReferences => _projects;

    /// <summary>Projects whose endpoints this one is told without waiting for them to start (it reaches them later, lazily).</summary>
    public IReadOnlyList<ProjectResource> PeerReferences => _peers;

    public IReadOnlyDictionary<string, string> Environment => _environment;

    public ProjectResource WithReference(PostgresDatabaseResource database)
    {
        ArgumentNullException.ThrowIfNull(database);
        AddOnce(_databases, database);
        return this;
    }

    public ProjectResource WithReference(RabbitMqServerResource broker)
    {
        ArgumentNullException.ThrowIfNull(broker);
        AddOnce(_brokers, broker);
        return this;
    }

    public ProjectResource WithReference(ProjectResource project)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (project == this)
        {
            throw new ArgumentException($"{Name} cannot reference itself", nameof(project));
        }

        AddOnce(_projects, project);
        return this;
    }

    /// <summary>
    /// Tells this project where <paramref name="project"/> listens without ordering their start, for calls made lazily and in
    /// both directions (fetching a token issuer's public keys), where a start-order reference would be circular.
    /// </summary>
    public ProjectResource WithPeer(ProjectResource project)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (project != this)
        {
            AddOnce(_peers, project);
        }

        return this;
    }

    public ProjectResource WithReplicas(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Replicas = count;
        return this;
    }

    public ProjectResource WithHttpEndpoint(int port)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        HttpPort = port;
        return this;
    }

    public ProjectResource WithEnvironment(string key, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        _environment[key] = value;
        return this;
    }

    private static void AddOnce<T>(List<T> references, T reference)
    {
        if (!references.Contains(reference))
        {
            references.Add(reference);
        }
    }
}
