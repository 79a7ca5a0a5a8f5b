using MassTransit;

using Reseller.Billing.Data;
using Reseller.Billing.Invoices;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Billing.Accounts;

/// <summary>An account moved out of its agency: partner billing stops for good and open invoices are voided.</summary>
public sealed class AccountTransferredOutConsumer(BillingDb db) : IConsumer<AccountTransferredOut>
{
    public async Task Consume(ConsumeContext<AccountTransferredOut> context) =>
        await db.ConsumeOnceAsync(context, nameof(AccountTransferredOutConsumer), async ct =>
        {
            var account = await db.BilledAccounts.FindAsync([context.Message.AccountId], ct)
                ?? throw new InvalidOperationException($"Account {context.Message.AccountId} is not known to Billing yet.");
            account.TransferredOut();
            await OpenInvoices.VoidAllAsync(db, account.AccountId, ct);
        });
}
