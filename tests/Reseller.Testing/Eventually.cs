using Xunit.Sdk;

namespace Reseller.Testing;

/// <summary>Waiting for what happens asynchronously (a message consumed, a job run, a mail written): polls, never sleeps blindly.</summary>
public static class Eventually
{
    /// <summary>
    /// The deadline for asynchronous propagation (a message consumed, a mail written, a partner known to another service):
    /// twice what this machine needs, for a CI machine twice as slow. A wait returns as soon as its condition holds.
    /// </summary>
    public static readonly TimeSpan Propagation = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>Polls until the condition holds or the timeout passes; returns whether it held.</summary>
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(Interval);
        }
        return await condition();
    }

    public static Task<bool> HoldsAsync(Func<bool> condition, TimeSpan timeout) => HoldsAsync(() => Task.FromResult(condition()), timeout);

    /// <summary>Reads until the value satisfies the condition or the timeout passes; returns the last value read either way.</summary>
    public static async Task<T> ReadAsync<T>(Func<Task<T>> read, Func<T, bool> until, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (until(value) || DateTime.UtcNow >= deadline)
            {
                return value;
            }
            await Task.Delay(Interval);
        }
    }

    /// <summary>
    /// Reads until the value satisfies the condition; if the timeout passes first, fails the test with what was
    /// <paramref name="awaited"/> and the last value read (as <paramref name="describe"/> shows it, else its ToString).
    /// </summary>
    public static async Task<T> ReadAsync<T>(Func<Task<T>> read, Func<T, bool> until, TimeSpan timeout, string awaited, Func<T, string>? describe = null)
    {
        var value = await ReadAsync(read, until, timeout);
        return until(value)
            ? value
            : throw new XunitException($"Waited {timeout.TotalSeconds:0} s for {awaited}; the last value read: {(describe is null ? value?.ToString() : describe(value))}");
    }
}
