using MassTransit;

using Reseller.Accounts.Data;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Accounts.ResoldAccounts;

/// <summary>
/// A period is paid: a pending account becomes active; a renewed one runs to its new period end, with any scheduled
/// downgrade. A renewal paid for an account that expired without it is handed back to Billing to refund.
/// </summary>
public sealed class InvoicePaidConsumer(AccountsDb db, TimeProvider clock, ILogger<InvoicePaidConsumer> logger) : IConsumer<InvoicePaid>
{
    public async Task Consume(ConsumeContext<InvoicePaid> context)
    {
        var paid = context.Message;
        if (paid.AccountId is not { } accountId || paid.Purpose is not (InvoicePurposes.FirstPeriod or InvoicePurposes.Renewal or InvoicePurposes.PlanChange))
        {
            return;
        }
        await db.ConsumeOnceAsync(context, nameof(InvoicePaidConsumer), async ct =>
        {
            var account = await db.Accounts.FindAsync([accountId], ct);
            var periodEnd = Account.PeriodEndOf(paid.PeriodEnd);
            var changed = paid.Purpose switch
            {
                InvoicePurposes.FirstPeriod => account?.ActivateAfterFirstCharge(periodEnd),
                InvoicePurposes.PlanChange => account?.PlanChangePeriodPaid(periodEnd),
                _ => account?.RenewalPaid(periodEnd),
            };
            if (changed == true && paid.Purpose == InvoicePurposes.Renewal)
            {
                account!.ApplyScheduledPlan();
            }
            if (changed == true)
            {
                logger.LogInformation("Account {AccountId} active until {PeriodEnd} after invoice {InvoiceId}", accountId, periodEnd, paid.InvoiceId);
            }
            else if (paid.Purpose == InvoicePurposes.Renewal && account?.ExpiredBeforeRenewal(periodEnd) == true)
            {
                var now = clock.GetUtcNow();
                db.Publish(new RenewalOfExpiredAccount(paid.InvoiceId, accountId, paid.PartnerId, now), now);
                logger.LogWarning("Account {AccountId} expired before its renewal invoice {InvoiceId} was paid; Billing is asked to give the payment back",
                    accountId, paid.InvoiceId);
            }
        });
    }
}
