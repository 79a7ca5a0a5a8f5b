using System.Security.Cryptography;
using System.Text;

using Microsoft.EntityFrameworkCore;

using Reseller.Billing.Data;
using Reseller.ServiceDefaults.Data;

using Stripe;

namespace Reseller.Billing.Payments.Stripe;

/// <summary>
/// Applies one verified Stripe event, once (the inbox keeps its id). A PaymentIntent of one of our attempts that succeeded or
/// failed settles an attempt whose answer we lost (timeout, crash between the call and the commit) by repeating the charge
/// under the same idempotency key, which Stripe answers with that same PaymentIntent; one the payer authenticated after
/// 3-D Secure pays its still-open invoice, and is refunded when the invoice meanwhile got paid otherwise (<see cref="ChargeProcessor"/> decides).
/// </summary>
public sealed class StripeWebhookHandler(BillingDb db, ChargeProcessor charges, ILogger<StripeWebhookHandler> logger)
{
    public const string Consumer = "StripeWebhook";

    public async Task<bool> ApplyOnceAsync(Event stripeEvent, CancellationToken cancellationToken)
    {
        var messageId = InboxIdOf(stripeEvent.Id);
        if (await db.Set<ServiceDefaults.Messaging.InboxMessage>().AnyAsync(m => m.MessageId == messageId && m.Consumer == Consumer, cancellationToken))
        {
            return false;
        }
        // Applying is itself idempotent (settling an attempt twice changes nothing), so a crash before the inbox row is
        // written only means the redelivered event is applied again harmlessly; for the same reason it is applied again at
        // once when a consumer changed the invoice or account under it, rather than answering Stripe 409 and waiting for its retry.
        await ConcurrentChange.RetryAsync(db, async () =>
        {
            await ApplyAsync(stripeEvent, cancellationToken);
            return true;
        });
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({messageId}, {Consumer}, {DateTimeOffset.UtcNow}) ON CONFLICT DO NOTHING",
            cancellationToken);
        return true;
    }

    private async Task ApplyAsync(Event stripeEvent, CancellationToken cancellationToken)
    {
        if (stripeEvent.Type is not (EventTypes.PaymentIntentSucceeded or EventTypes.PaymentIntentPaymentFailed)
            || stripeEvent.Data.Object is not PaymentIntent intent
            || intent.Metadata?.GetValueOrDefault(StripePaymentProvider.PaymentIdMetadata) is not { } key
            || !Guid.TryParseExact(key, "N", out var paymentId))
        {
            return;
        }
        var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == paymentId, cancellationToken);
        if (payment is null)
        {
            logger.LogWarning("Stripe event {EventId}: PaymentIntent {PaymentIntentId} names no payment attempt of ours", stripeEvent.Id, intent.Id);
            return;
        }
        if (payment.Status == PaymentStatus.Pending)
        {
            await charges.ProcessAsync(paymentId, cancellationToken);
        }
        else if (payment.AwaitsAuthentication && stripeEvent.Type == EventTypes.PaymentIntentSucceeded)
        {
            // Pays the invoice, or refunds the charge when the invoice was meanwhile paid otherwise (a dunning retry).
            await charges.RecordAuthenticatedAsync(paymentId, intent.Id, intent.AmountReceived, cancellationToken);
        }
    }

    /// <summary>The inbox keys messages by Guid: a Stripe event id becomes one, always the same.</summary>
    private static Guid InboxIdOf(string eventId) => new(SHA256.HashData(Encoding.UTF8.GetBytes("stripe:" + eventId))[..16]);
}
