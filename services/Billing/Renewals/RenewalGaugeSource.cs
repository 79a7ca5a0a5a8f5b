using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.Billing.Invoices;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Catalog;
using Reseller.ServiceDefaults.Telemetry;

namespace Reseller.Billing.Renewals;

/// <summary>
/// Measures the renewal lag (how long the oldest account due for renewal, by <see cref="RenewalJob"/>'s own rule, has waited
/// since its period ended) and the dunning backlog (open invoices waiting for a retry), on Billing's clock.
/// </summary>
public sealed class RenewalGaugeSource(TimeProvider clock) : IGaugeSource
{
    public async Task RefreshAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<BillingDb>();
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var oldestDue = await db.BilledAccounts.AsNoTracking()
            .Where(a => a.Status == AccountStatus.Active && (a.Cadence == PlanCadences.Monthly || a.Cadence == PlanCadences.Annual)
                && a.CurrentPeriodEnd <= today && (a.RenewalInvoicedFor == null || a.RenewalInvoicedFor < a.CurrentPeriodEnd))
            .MinAsync(a => a.CurrentPeriodEnd, cancellationToken);
        var lag = oldestDue is { } end ? now - new DateTimeOffset(end.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : TimeSpan.Zero;
        BillingMetrics.RenewalLagReadings.Set(Math.Max(0, lag.TotalSeconds));

        var backlog = await db.Invoices.AsNoTracking()
            .LongCountAsync(i => i.Status == InvoiceStatus.Open && i.NextRetryAt != null, cancellationToken);
        BillingMetrics.DunningBacklogReadings.Set(backlog);
    }
}
