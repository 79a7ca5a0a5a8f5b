using MassTransit;

using Reseller.Accounts.Data;
using Reseller.Contracts.Billing;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Accounts.Accounts;

/// <summary>The first period is paid: a pending account becomes active.</summary>
public sealed class InvoicePaidConsumer(AccountsDb db, ILogger<InvoicePaidConsumer> logger) : IConsumer<InvoicePaid>
{
    public async Task Consume(ConsumeContext<InvoicePaid> context)
    {
        var paid = context.Message;
        if (paid.AccountId is not { } accountId || paid.Purpose != InvoicePurposes.FirstPeriod)
        {
            return;
        }
        await db.ConsumeOnceAsync(context, nameof(InvoicePaidConsumer), async ct =>
        {
            var account = await db.Accounts.FindAsync([accountId], ct);
            var periodEnd = new DateTimeOffset(paid.PeriodEnd.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            if (account?.ActivateAfterFirstCharge(periodEnd) == true)
            {
                logger.LogInformation("Account {AccountId} active after invoice {InvoiceId}", accountId, paid.InvoiceId);
            }
        });
    }
}
