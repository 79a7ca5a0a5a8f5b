namespace Reseller.Testing;

/// <summary>
/// One whole system (PostgreSQL, RabbitMQ and the services) starts at a time on this machine, across every test process:
/// on two cores, several starting at once each take minutes and miss their health deadlines. Tests already running on
/// started systems go on meanwhile. The lock is a file lock, so a test process that dies frees it.
/// </summary>
public static class SystemStartGate
{
    private static readonly SemaphoreSlim InThisProcess = new(1, 1);

    public static async Task<IAsyncDisposable> EnterAsync(string repositoryRoot)
    {
        await InThisProcess.WaitAsync();
        var path = Path.Combine(repositoryRoot, ".data", "test-runs", "system-start.lock");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        while (true)
        {
            try
            {
                return new Held(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                await Task.Delay(250); // Another test process is starting its system.
            }
        }
    }

    private sealed class Held(FileStream lockFile) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await lockFile.DisposeAsync();
            InThisProcess.Release();
        }
    }
}
