using Microsoft.EntityFrameworkCore;

using Reseller.Partners.Data;
using Reseller.Partners.Webhooks.Deliveries;
using Reseller.ServiceDefaults.Clock;
using Reseller.ServiceDefaults.Queues;

namespace Reseller.Partners.Webhooks.Sending;

/// <summary>When the sandbox clock moves, wakes the dispatcher for the retries that just fell due; reports how many.</summary>
public sealed class WebhookDeliveryWakeUp(PartnersDb db, QueueSignal<WebhookDelivery> signal) : IDueJob
{
    public string Name => "webhook_deliveries";

    public async Task<int> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = await db.WebhookDeliveries.CountAsync(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now, cancellationToken);
        if (due > 0)
        {
            signal.Notify();
        }
        return due;
    }
}
