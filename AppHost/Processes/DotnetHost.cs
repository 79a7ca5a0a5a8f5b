namespace Reseller.AppHost.Processes;

internal static class DotnetHost
{
    public static string FileName { get; } = Find();

    private static string Find()
    {
        var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(hostPath) && File.Exists(hostPath))
        {
            return hostPath;
        }

        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileName(self) == "dotnet")
        {
            return self;
        }

        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries);
        return path.Select(directory => Path.Combine(directory, "dotnet")).FirstOrDefault(File.Exists) ?? "dotnet";
    }
}
