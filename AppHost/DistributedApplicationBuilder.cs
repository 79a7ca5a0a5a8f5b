using Microsoft.Extensions.Configuration;

using Reseller.AppHost.Hosting;
using Reseller.AppHost.OpsConsole.Access;

namespace Reseller.AppHost;

public sealed class DistributedApplicationBuilder
{
    private readonly ResourceNames names = new();
    private readonly List<ProjectResource> projects = [];
    private PostgresServerResource? postgres;
    private RabbitMqServerResource? rabbitMq;

    private DistributedApplicationBuilder(DistributedApplicationOptions options)
    {
        Options = options;
        Configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine([.. options.Args.Where(arg => arg != ConsoleAccess.UnsecuredFlag)])
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
        if (postgres is not null)
        {
            throw new InvalidOperationException("only one PostgreSQL server can be added");
        }

        names.Claim(name);
        postgres = new PostgresServerResource(name, names);
        return postgres;
    }

    public RabbitMqServerResource AddRabbitMQ(string name)
    {
        if (rabbitMq is not null)
        {
            throw new InvalidOperationException("only one RabbitMQ server can be added");
        }

        names.Claim(name);
        rabbitMq = new RabbitMqServerResource(name);
        return rabbitMq;
    }

    public ProjectResource AddProject(ServiceProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return AddProject(project.Name, project.ProjectDirectory, project.AssemblyName);
    }

    public ProjectResource AddProject(string name, string projectDirectory, string assemblyName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(assemblyName);
        names.Claim(name);
        var project = new ProjectResource(name, projectDirectory, assemblyName);
        projects.Add(project);
        return project;
    }

    public DistributedApplication Build()
    {
        var model = Model();
        return new DistributedApplication(Options, Configuration, model.Postgres, model.RabbitMq, model.Projects);
    }

    public ApplicationModel Model()
    {
        foreach (var project in projects)
        {
            if (project.DatabaseReferences.Any(database => database.Server != postgres)
                || project.BrokerReferences.Any(broker => broker != rabbitMq)
                || project.ProjectReferences.Any(reference => !projects.Contains(reference)))
            {
                throw new InvalidOperationException($"{project.Name} references a resource of another builder");
            }
        }

        return new ApplicationModel(postgres, rabbitMq, StartOrder.Sort(projects));
    }
}
