using Microsoft.Extensions.Configuration;

using Reseller.AppHost.Hosting;

namespace Reseller.AppHost;

public sealed class DistributedApplicationBuilder
{
    private readonly ResourceNames _names = new();
    private readonly List<ProjectResource> _projects = [];
    private PostgresServerResource? _postgres;
    private RabbitMqServerResource? _rabbitMq;

    private DistributedApplicationBuilder(DistributedApplicationOptions options)
    {
        Options = options;
        Configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(options.Args)
            .Build();
    }

    public IConfiguration Configuration { get; }

    public DistributedApplicationOptions Options { get; }

    public static DistributedApplicationBuilder Create(string[] args) =>
        Create(new DistributedApplicationOptions { Args = args });

    public static DistributedApplicationBuilder Create(DistributedApplicationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new DistributedApplicationBuilder(options);
    }

    public PostgresServerResource AddPostgres(string name)
    {
        if (_postgres is not null)
        {
            throw new InvalidOperationException("only one PostgreSQL server can be added");
        }

        _names.Claim(name);
        _postgres = new PostgresServerResource(name, _names);
        return _postgres;
    }

    public RabbitMqServerResource AddRabbitMQ(string name)
    {
        if (_rabbitMq is not null)
        {
            throw new InvalidOperationException("only one RabbitMQ server can be added");
        }

        _names.Claim(name);
        _rabbitMq = new RabbitMqServerResource(name);
        return _rabbitMq;
    }

    public ProjectResource AddProject(string name, string projectDirectory, string assemblyName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(assemblyName);
        _names.Claim(name);
        var project = new ProjectResource(name, projectDirectory, assemblyName);
        _projects.Add(project);
        return project;
    }

    public DistributedApplication Build()
    {
        foreach (ProjectResource project in _projects)
        {
            if (project.DatabaseReferences.Any(database => database.Server != _postgres)
                || project.BrokerReferences.Any(broker => broker != _rabbitMq)
                || project.ProjectReferences.Any(reference => !_projects.Contains(reference)))
            {
                throw new InvalidOperationException($"{project.Name} references a resource of another builder");
            }
        }

        return new DistributedApplication(Options, Configuration, _postgres, _rabbitMq, StartOrder.Sort(_projects));
    }
}
