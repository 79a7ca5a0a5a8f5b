using System.Collections.Concurrent;

using Reseller.AppHost;

namespace Reseller.IntegrationTests.Hosting;

public sealed class AdminKeyDisplayTests : IDisposable
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "reseller-admin-key-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_generated_admin_key_is_kept_in_its_file_and_never_written_to_the_log_on_the_first_start_or_the_second()
    {
        var first = await StartAndStopAsync();
        var second = await StartAndStopAsync();

        var key = File.ReadAllText(Path.Combine(dataDirectory, "admin-key")).Trim();
        Assert.Equal(key, first.AdminKey);
        Assert.Equal(key, second.AdminKey);
        Assert.DoesNotContain(first.Log, line => line.Contains(key, StringComparison.Ordinal));
        Assert.DoesNotContain(second.Log, line => line.Contains(key, StringComparison.Ordinal));
        Assert.Contains(second.Log, line => line.Contains("admin-key", StringComparison.Ordinal));
    }

    private async Task<(string AdminKey, IReadOnlyCollection<string> Log)> StartAndStopAsync()
    {
        var log = new ConcurrentQueue<string>();
        await using var app = DistributedApplicationBuilder.Create(new DistributedApplicationOptions
        {
            DataDirectory = dataDirectory,
            EphemeralPorts = true,
            LogSink = log.Enqueue,
        }).Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await app.StartAsync(timeout.Token);
        return (app.AdminKey, log);
    }

    public void Dispose()
    {
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
