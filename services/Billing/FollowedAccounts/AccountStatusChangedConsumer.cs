using MassTransit;

using Reseller.Billing.CreditNotes;
using Reseller.Billing.Data;
using Reseller.Billing.Invoices;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Billing.FollowedAccounts;

/// <summary>
/// Follows the statuses that decide billing: a cancelled account is not renewed, one made active again is; an expired or
/// transferred account is never charged again (its open invoices are voided, so dunning stops), and the upgrades paid for
/// a period it never ran are given back (<see cref="UnrunPeriodProrations"/>).
/// </summary>
public sealed class AccountStatusChangedConsumer(BillingDb db, UnrunPeriodProrations unrunPeriod) : IConsumer<AccountStatusChanged>
{
    public async Task Consume(ConsumeContext<AccountStatusChanged> context)
    {
        IReadOnlyList<CreditNote> notes = [];
        await db.ConsumeOnceAsync(context, nameof(AccountStatusChangedConsumer), async ct =>
        {
            notes = [];
            var account = await db.BilledAccounts.FindAsync([context.Message.AccountId], ct)
                ?? throw new AccountNotKnownYetException(context.Message.AccountId);
            account.FollowStatus(context.Message.Status, context.Message.ChangedAt);
            if (account.IsClosed)
            {
                await OpenInvoices.VoidAllAsync(db, account.AccountId, ct);
                notes = await unrunPeriod.CreditAsync(account, ct);
            }
        });
        await unrunPeriod.RefundAfterCommitAsync(notes, context.CancellationToken);
    }
}
