using Microsoft.Extensions.Configuration;

namespace Reseller.ServiceDefaults.Data;

/// <summary>
/// Database:Migrations says who applies the service's migrations. <c>apply</c> (the default): each replica at start-up,
/// one at a time. <c>wait</c>: a replica only waits until they are applied (by a release's migrations job in a cluster).
/// <c>only</c>: apply them and exit, which is that job. Database:MigrateOnStartup=false still turns them off entirely.
/// </summary>
public enum MigrationMode
{
    Apply,
    Wait,
    Only,
    Off,
}

public static class MigrationModes
{
    public const string Key = "Database:Migrations";

    public static MigrationMode From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!configuration.GetValue("Database:MigrateOnStartup", true))
        {
            return MigrationMode.Off;
        }

        return configuration[Key]?.Trim().ToLowerInvariant() switch
        {
            null or "" or "apply" => MigrationMode.Apply,
            "wait" => MigrationMode.Wait,
            "only" => MigrationMode.Only,
            var other => throw new InvalidOperationException($"{Key} is '{other}': it must be apply, wait or only."),
        };
    }
}
