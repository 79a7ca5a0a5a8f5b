using System.Threading.RateLimiting;

namespace Reseller.Gateway.ApiKeys;

/// <summary>
/// Unknown or revoked API keys tried from one client address: past a number per minute the address is refused (429)
/// before Partners is asked again, so nobody can guess keys, or keep Partners busy, with a stream of made-up ones.
/// </summary>
public sealed class FailedKeyChecks(int perMinute) : IDisposable
{
    private readonly PartitionedRateLimiter<string> failures = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    /// <summary>How long the address must wait before another check, or null while it still may try.</summary>
    public TimeSpan? Refusal(string address)
    {
        using var probe = failures.AttemptAcquire(address, 0);
        return probe.IsAcquired ? null : probe.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    public void Record(string address)
    {
        using var _ = failures.AttemptAcquire(address);
    }

    public void Dispose() => failures.Dispose();
}
