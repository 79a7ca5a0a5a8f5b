namespace Reseller.AppHost.Postgres;

internal static class PostgresInstallation
{
    private const string Root = "/usr/lib/postgresql";
    private const string PreferredVersion = "15";

    private static readonly string? BinDirectory = Find();

    public static void EnsureInstalled()
    {
        if (BinDirectory is null)
        {
            throw new DistributedApplicationException("PostgreSQL is not installed: run ./run.sh, which installs it");
        }
    }

    public static string Tool(string name)
    {
        EnsureInstalled();
        return Path.Combine(BinDirectory!, name);
    }

    public static string Psql()
    {
        if (BinDirectory is not null && File.Exists(Path.Combine(BinDirectory, "psql")))
        {
            return Path.Combine(BinDirectory, "psql");
        }

        return File.Exists("/usr/bin/psql") ? "/usr/bin/psql" : "psql";
    }

    private static string? Find()
    {
        if (!Directory.Exists(Root))
        {
            return null;
        }

        return Directory.GetDirectories(Root)
            .Select(directory => Path.Combine(directory, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "postgres")))
            .OrderByDescending(bin => bin == Path.Combine(Root, PreferredVersion, "bin"))
            .ThenByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var version) ? version : 0)
            .FirstOrDefault();
    }
}
