namespace Reseller.AppHost.Contract;

/// <summary>
/// The environment every replica of a project gets, in Aspire's shape (ConnectionStrings__*, services__*__http__*, OTEL_*),
/// as sources that each place the project runs resolves its own way.
/// </summary>
public sealed class ProjectEnvironmentContract(
    IReadOnlyDictionary<string, EnvironmentSource> shared,
    Func<ProjectResource, int> replicasOf)
{
    public IReadOnlyList<KeyValuePair<string, EnvironmentSource>> For(ProjectResource project, IEnumerable<KeyValuePair<string, string>> extra)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(extra);
        var environment = new Dictionary<string, EnvironmentSource>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = new EnvironmentSource.ListenUrl(),
            ["ASPNETCORE_HTTP_PORTS"] = new EnvironmentSource.Unset(),
            ["ASPNETCORE_HTTPS_PORTS"] = new EnvironmentSource.Unset(),
            ["OTEL_SERVICE_NAME"] = new EnvironmentSource.Literal(project.Name),
            ["OTEL_RESOURCE_ATTRIBUTES"] = new EnvironmentSource.InstanceName("service.instance.id="),
        };
        foreach ((var key, var value) in shared)
        {
            environment[key] = value;
        }

        foreach (var resource in project.DatabaseReferences.Select(database => database.Name).Concat(project.BrokerReferences.Select(broker => broker.Name)))
        {
            environment[$"ConnectionStrings__{resource}"] = new EnvironmentSource.ConnectionString(resource);
        }

        foreach (var reference in project.ProjectReferences.Union(project.PeerReferences))
        {
            for (var replica = 0; replica < replicasOf(reference); replica++)
            {
                environment[$"services__{reference.Name}__http__{replica}"] = new EnvironmentSource.Endpoint(reference, replica);
            }
        }

        foreach ((var key, var value) in project.Settings)
        {
            environment[key] = new EnvironmentSource.Setting(value);
        }

        foreach ((var key, var value) in extra)
        {
            environment[key] = new EnvironmentSource.Literal(value);
        }

        foreach ((var key, var value) in project.Environment)
        {
            environment[key] = new EnvironmentSource.Literal(value);
        }

        return [.. environment];
    }
}
