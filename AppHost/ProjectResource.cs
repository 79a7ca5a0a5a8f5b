namespace Reseller.AppHost;

public sealed class ProjectResource
{
    private readonly List<PostgresDatabaseResource> databases = [];
    private readonly List<RabbitMqServerResource> brokers = [];
    private readonly List<ProjectResource> projects = [];
    private readonly List<ProjectResource> peers = [];
    private readonly Dictionary<string, string> environment = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> settings = new(StringComparer.Ordinal);

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

    public IReadOnlyList<PostgresDatabaseResource> DatabaseReferences => databases;

    public IReadOnlyList<RabbitMqServerResource> BrokerReferences => brokers;

    public IReadOnlyList<ProjectResource> ProjectReferences => projects;

    /// <summary>Projects whose endpoints this one is told without waiting for them to start (it reaches them later, lazily).</summary>
    public IReadOnlyList<ProjectResource> PeerReferences => peers;

    public IReadOnlyDictionary<string, string> Environment => environment;

    /// <summary>Settings of this project alone: their local value here; a cluster takes theirs from its settings (SettingsManifests).</summary>
    public IReadOnlyDictionary<string, string> Settings => settings;

    public ProjectResource WithReference(PostgresDatabaseResource database)
    {
        ArgumentNullException.ThrowIfNull(database);
        AddOnce(databases, database);
        return this;
    }

    public ProjectResource WithReference(RabbitMqServerResource broker)
    {
        ArgumentNullException.ThrowIfNull(broker);
        AddOnce(brokers, broker);
        return this;
    }

    public ProjectResource WithReference(ProjectResource project)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (project == this)
        {
            throw new ArgumentException($"{Name} cannot reference itself", nameof(project));
        }

        AddOnce(projects, project);
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
            AddOnce(peers, project);
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

    public ProjectResource WithSetting(string key, string localValue)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(localValue);
        settings[key] = localValue;
        return this;
    }

    public ProjectResource WithEnvironment(string key, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        environment[key] = value;
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
