using MassTransit;

using Reseller.Billing.Data;
using Reseller.Billing.Invoices;
using Reseller.Billing.Payments;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Billing.FollowedAccounts;

/// <summary>
/// A plan change is billed (prorated upgrade, first paid period, new cadence) and charged after commit, to the payer in
/// force at the change: one that overtook its PayerChanged is retried until that arrives.
/// </summary>
public sealed class AccountPlanChangedConsumer(BillingDb db, PlanChangeInvoicer invoicer, ChargeProcessor charges) : IConsumer<AccountPlanChanged>
{
    public async Task Consume(ConsumeContext<AccountPlanChanged> context)
    {
        Guid? paymentId = null;
        await db.ConsumeOnceAsync(context, nameof(AccountPlanChangedConsumer), async ct =>
        {
            var account = await db.BilledAccounts.FindAsync([context.Message.AccountId], ct)
                ?? throw new InvalidOperationException($"Account {context.Message.AccountId} is not known to Billing yet.");
            if (account.AwaitsPayerChangeBefore(context.Message.Payer, context.Message.ChangedAt))
            {
                throw new InvalidOperationException($"Account {account.AccountId}: the payer change before this plan change has not arrived yet.");
            }
            paymentId = await invoicer.ApplyAsync(account, context.Message, ct);
        });
        if (paymentId is { } id)
        {
            await charges.ProcessAsync(id, context.CancellationToken);
        }
    }
}
