using System.Diagnostics;

using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.Docs;

/// <summary>One of the npm tools front-end teams use, run from tools/openapi-check (installed by scripts/prerequisites.sh).</summary>
internal static class OpenApiTool
{
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string tool, params string[] arguments)
    {
        var path = Path.Combine(ResellerSystem.RepositoryRoot(), "tools", "openapi-check", "node_modules", ".bin", tool);
        Assert.True(File.Exists(path), $"{path} is missing: run scripts/prerequisites.sh (npm ci in tools/openapi-check).");
        var start = new ProcessStartInfo(path, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true", ["NO_COLOR"] = "1" },
        };
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
