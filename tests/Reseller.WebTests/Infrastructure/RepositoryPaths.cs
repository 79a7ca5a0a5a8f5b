using System.Reflection;

using Reseller.AppHost;

namespace Reseller.WebTests.Infrastructure;

public static class RepositoryPaths
{
    public static string Root { get; } =
        typeof(DistributedApplication).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>Where test.sh collects results; the screenshots of every checked page go beside the trx files.</summary>
    public static string Screenshots { get; } = Path.Combine(Root, "TestResults", "screenshots");
}
