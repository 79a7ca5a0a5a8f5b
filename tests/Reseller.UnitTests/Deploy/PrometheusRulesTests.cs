using System.Diagnostics;
using System.Reflection;

namespace Reseller.UnitTests.Deploy;

/// <summary>
/// deploy/prometheus/ checked by promtool (Debian's prometheus package, installed by scripts/prerequisites.sh): the scrape
/// configuration, the alert rules, and the rules' unit tests (each alert fires on its condition, stays quiet below it).
/// A missing promtool fails these tests; it never skips them.
/// </summary>
public sealed class PrometheusRulesTests
{
    private static readonly string Folder = Path.Combine(
        typeof(PrometheusRulesTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepositoryRoot").Value!,
        "deploy", "prometheus");

    [Fact]
    public async Task The_scrape_configuration_is_valid() => await PromtoolAsync("check", "config", "prometheus.yml");

    [Fact]
    public async Task The_alert_rules_are_valid() => await PromtoolAsync("check", "rules", "reseller-alerts.yml");

    [Fact]
    public async Task Every_alert_passes_its_unit_tests() => await PromtoolAsync("test", "rules", "reseller-alerts.test.yml");

    private static async Task PromtoolAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("promtool")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = StartOrExplain(start);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"promtool {string.Join(' ', arguments)} failed:\n{await output}\n{await errors}");
    }

    private static Process StartOrExplain(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("promtool is not installed: run scripts/prerequisites.sh (Debian's prometheus package).", ex);
        }
    }
}
