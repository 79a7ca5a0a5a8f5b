using Microsoft.EntityFrameworkCore;

using Reseller.Partners.Data;
using Reseller.Partners.Webhooks.Endpoints;
using Reseller.ServiceDefaults.Mail;
using Reseller.ServiceDefaults.Mail.Outbox;

namespace Reseller.Partners.Webhooks.Deliveries;

/// <summary>
/// A delivery failed for 3 days and was given up: unless the endpoint delivered something else within those 3 days, it is
/// disabled and the partner mailed (in the same unit of work, through the mail outbox).
/// </summary>
public sealed class FailingEndpoints(PartnersDb db, MailOutbox mails)
{
    public async Task GaveUpAsync(WebhookDelivery delivery, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - RetrySchedule.GiveUpAfter;
        if (await db.WebhookDeliveries.AnyAsync(d => d.EndpointId == delivery.EndpointId && d.DeliveredAt >= since, cancellationToken))
        {
            return;
        }
        var endpoint = await db.WebhookEndpoints.FirstAsync(e => e.Id == delivery.EndpointId, cancellationToken);
        if (!endpoint.Enabled)
        {
            return;
        }
        endpoint.DisableForFailures(now);
        var partner = await db.Partners.AsNoTracking().FirstAsync(p => p.Id == endpoint.PartnerId, cancellationToken);
        mails.Queue(db, new OutgoingMail(
            partner.Email,
            "A webhook endpoint was disabled",
            $"""
            Deliveries to your webhook endpoint {endpoint.Url} have failed for 3 days, so it was disabled.
            Fix the receiver, then enable the endpoint again (PATCH /api/v1/webhook-endpoints/{WebhookEndpointIds.Format(endpoint.Id)} with "enabled": true)
            and redeliver the events it missed from its delivery log.
            """), now);
    }
}
