using MassTransit;

using Reseller.Contracts.Billing;
using Reseller.Credits.Data;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Credits.Purchases;

/// <summary>
/// A refused charge of a credit-pack invoice makes its purchase failed (never a completed one): the partner sees it in its
/// purchases instead of a purchase pending forever. Nothing is credited; a later InvoicePaid for the invoice still completes it.
/// </summary>
public sealed class PaymentFailedConsumer(CreditsDb db, PurchaseInvoiceLinks links, ILogger<PaymentFailedConsumer> logger) : IConsumer<PaymentFailed>
{
    public async Task Consume(ConsumeContext<PaymentFailed> context)
    {
        var failed = context.Message;
        if (failed.Purpose != InvoicePurposes.CreditPurchase)
        {
            return;
        }
        logger.LogInformation("Credit-pack invoice {InvoiceId} charge failed ({FailureCode})", failed.InvoiceId, failed.FailureCode);
        await db.ConsumeOnceAsync(context, nameof(PaymentFailedConsumer), ct => links.FailAsync(failed, ct));
    }
}
