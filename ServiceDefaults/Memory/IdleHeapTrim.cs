using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Reseller.ServiceDefaults.Memory;

/// <summary>
/// Gives back the memory a busy spell left behind once the process has gone quiet. The GC collects only when code allocates,
/// so a service that falls idle after a burst keeps its heap, garbage included, committed until its next request. When
/// <see cref="IdleTrimPolicy"/> says so, one aggressive full collection compacts the heap and decommits what it freed:
/// a few tens of milliseconds once per busy spell.
/// </summary>
public sealed partial class IdleHeapTrim(IdleTrimPolicy policy, ILogger<IdleHeapTrim> logger) : BackgroundService
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckInterval);
        var lastCheck = GC.GetTotalAllocatedBytes();
        var lastTrim = lastCheck;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await timer.WaitForNextTickAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var allocated = GC.GetTotalAllocatedBytes();
            if (policy.ShouldTrim(allocated - lastCheck, allocated - lastTrim))
            {
                var before = GC.GetGCMemoryInfo().TotalCommittedBytes;
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                var after = GC.GetGCMemoryInfo().TotalCommittedBytes;
                LogTrimmed((before - after) >> 20, after >> 20);
                allocated = GC.GetTotalAllocatedBytes();
                lastTrim = allocated;
            }
            lastCheck = allocated;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Idle: the heap gave back {FreedMb} MB; {CommittedMb} MB stay committed")]
    private partial void LogTrimmed(long freedMb, long committedMb);
}
