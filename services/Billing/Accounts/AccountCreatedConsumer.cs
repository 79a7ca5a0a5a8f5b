using MassTransit;

using Reseller.Billing.Data;
using Reseller.Billing.Invoices;
using Reseller.Billing.Payments;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Billing.Accounts;

/// <summary>A new account: Billing starts following it, and a paid one is invoiced and charged for its first period.</summary>
public sealed class AccountCreatedConsumer(BillingDb db, PeriodInvoicer invoicer, ChargeProcessor charges) : IConsumer<AccountCreated>
{
    public async Task Consume(ConsumeContext<AccountCreated> context)
    {
        Guid? paymentId = null;
        await db.ConsumeOnceAsync(context, nameof(AccountCreatedConsumer), async ct =>
        {
            var account = BilledAccount.From(context.Message);
            db.BilledAccounts.Add(account);
            if (account.Status == BilledAccountStatus.Pending)
            {
                paymentId = await invoicer.InvoiceNextPeriodAsync(account, InvoicePurposes.FirstPeriod, ct);
            }
        });
        if (paymentId is { } id)
        {
            await charges.ProcessAsync(id, context.CancellationToken);
        }
    }
}
