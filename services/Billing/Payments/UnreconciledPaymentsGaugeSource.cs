using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.ServiceDefaults.Telemetry;

namespace Reseller.Billing.Payments;

/// <summary>
/// Counts the payment attempts still pending after the provider may have forgotten their idempotency key
/// (<see cref="IPaymentProvider.IdempotencyWindow"/>): <see cref="PendingPaymentsJob"/> no longer sends them, as a repeat could
/// charge twice, so each needs an operator to reconcile it with the provider. Always 0 with a provider that keeps keys for ever.
/// </summary>
public sealed class UnreconciledPaymentsGaugeSource(IPaymentProvider provider, TimeProvider clock) : IGaugeSource
{
    public async Task RefreshAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var oldest = provider.OldestRetriableAt(clock.GetUtcNow());
        if (oldest == DateTimeOffset.MinValue)
        {
            BillingMetrics.UnreconciledPaymentsReadings.Set(0);
            return;
        }
        var unreconciled = await services.GetRequiredService<BillingDb>().Payments.AsNoTracking()
            .LongCountAsync(p => p.Status == PaymentStatus.Pending && p.CreatedAt < oldest, cancellationToken);
        BillingMetrics.UnreconciledPaymentsReadings.Set(unreconciled);
    }
}
