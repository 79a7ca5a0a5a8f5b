using MassTransit;

using Reseller.Contracts.Billing;
using Reseller.Credits.Data;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Credits.FollowedAccounts;

/// <summary>
/// A paid renewal starts the period a scheduled downgrade waited for: a plan without SMS stops the account sending it from
/// then (<see cref="CreditAccount.RenewalPaid"/>), as it stopped new SMS credit when it was scheduled.
/// </summary>
public sealed class RenewalPaidConsumer(CreditsDb db) : IConsumer<InvoicePaid>
{
    public async Task Consume(ConsumeContext<InvoicePaid> context)
    {
        var paid = context.Message;
        if (paid.Purpose != InvoicePurposes.Renewal || paid.AccountId is not { } accountId)
        {
            return;
        }
        await db.ConsumeOnceAsync(context, nameof(RenewalPaidConsumer), async ct =>
            (await db.FindLockedAsync(accountId, ct))?.RenewalPaid(paid.PaidAt));
    }
}
