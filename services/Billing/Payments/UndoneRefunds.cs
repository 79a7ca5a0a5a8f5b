using Microsoft.EntityFrameworkCore;

namespace Reseller.Billing.Payments;

/// <summary>
/// Redoes the refunds a crash or a timeout left undone, oldest first, a batch per run: those decided longer ago than a grace
/// (the call in flight may still answer) and recently enough that the provider still knows their key (an older one could
/// refund twice, so it is left to an operator). The refund's own key keeps each one single.
/// </summary>
public static class UndoneRefunds
{
    private const int BatchSize = 100;
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    /// <param name="undone">The ids of the undone refunds decided between the oldest time and the cutoff, oldest first.</param>
    /// <param name="refund">Makes one; false when there was nothing left to make.</param>
    public static async Task<int> RedoAsync(IPaymentProvider provider, DateTimeOffset now,
        Func<DateTimeOffset, DateTimeOffset, IQueryable<Guid>> undone, Func<Guid, CancellationToken, Task<bool>> refund,
        CancellationToken cancellationToken)
    {
        var due = await undone(provider.OldestRetriableAt(now), now - Grace).Take(BatchSize).ToListAsync(cancellationToken);
        var made = 0;
        foreach (var id in due)
        {
            made += await refund(id, cancellationToken) ? 1 : 0;
        }
        return made;
    }
}
