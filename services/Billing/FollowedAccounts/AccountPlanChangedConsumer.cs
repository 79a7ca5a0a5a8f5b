using MassTransit;

using Reseller.Billing.CreditNotes;
using Reseller.Billing.Data;
using Reseller.Billing.Invoices;
using Reseller.Billing.Payments;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Billing.FollowedAccounts;

/// <summary>
/// A plan change is billed (prorated upgrade, first paid period, new cadence) and charged after commit, to the payer in
/// force at the change; a new cadence refunds another payer the unused rest of what it paid, after commit too. One that
/// overtook its PayerChanged is retried until that arrives. Changes apply in the order Accounts numbered them: one that
/// overtook an earlier change is retried until that is applied, and one applied already is ignored.
/// One reaching an account whose first charge is still under way waits for that charge's outcome.
/// One made by the partner an account moved in to waits for that move-in, so it is never invoiced to the former partner;
/// one made before a move applied since is billed to whoever made it (<see cref="PlanChangeInvoicer.BillFormerHolderAsync"/>).
/// A downgrade heard only after the renewal it waited for was issued brings that renewal to its price (<see cref="DowngradesHeardLate"/>).
/// </summary>
public sealed class AccountPlanChangedConsumer(BillingDb db, PlanChangeInvoicer invoicer, DowngradesHeardLate lateDowngrades, ChargeProcessor charges,
    CardRefunds cardRefunds, IDeferredRedelivery redelivery, ILogger<AccountPlanChangedConsumer> logger)
    : IConsumer<AccountPlanChanged>
{
    public async Task Consume(ConsumeContext<AccountPlanChanged> context)
    {
        var billed = PlanChangeInvoicer.Billed.Nothing;
        await db.ConsumeOnceAsync(context, nameof(AccountPlanChangedConsumer), async ct =>
        {
            var change = context.Message;
            var account = await db.BilledAccounts.FindAsync([change.AccountId], ct)
                ?? throw new AccountNotKnownYetException(change.AccountId);
            if (account.HasAppliedPlanChange(change.Revision))
            {
                logger.LogWarning("Account {AccountId}: plan change {Revision} was applied already (Billing is at {Applied}); ignored",
                    account.AccountId, change.Revision, account.PlanRevision);
                return;
            }
            if (account.AwaitsPlanChangeBefore(change.Revision))
            {
                throw new EarlierEventPendingException($"Account {account.AccountId}: plan change {change.Revision} arrived before plan change {account.PlanRevision + 1}.");
            }
            if (account.AwaitsFirstCharge)
            {
                throw new EarlierEventPendingException($"Account {account.AccountId}: plan change {change.Revision} arrived before its first charge settled.");
            }
            if (account.MovedSince(change.ChangedAt))
            {
                billed = PlanChangeInvoicer.Billed.Charge(await invoicer.BillFormerHolderAsync(account, change, ct));
                account.PlanChangeApplied(change.Revision);
                logger.LogInformation("Account {AccountId}: plan change {Revision}, made before its move, billed to partner {PartnerId} who made it: {Billed}",
                    account.AccountId, change.Revision, change.PartnerId, billed.PaymentId is null ? "nothing to charge" : "charged");
                return;
            }
            if (account.AwaitsMoveInBefore(change.PartnerId, change.ChangedAt))
            {
                throw new EarlierEventPendingException($"Account {account.AccountId}: the move-in to partner {change.PartnerId} before this plan change has not arrived yet.");
            }
            if (account.AwaitsPayerChangeBefore(change.Payer, change.ChangedAt))
            {
                throw new EarlierEventPendingException($"Account {account.AccountId}: the payer change before this plan change has not arrived yet.");
            }
            billed = await lateDowngrades.ApplyAsync(account, change, redelivery.MayWaitAgain(context), ct) ?? await invoicer.ApplyAsync(account, change, ct);
            account.PlanChangeApplied(change.Revision);
        });
        foreach (var note in billed.Refunds)
        {
            await cardRefunds.RefundAfterCommitAsync(note.Id, context.CancellationToken);
        }
        if (billed.PaymentId is { } id)
        {
            await charges.ProcessAsync(id, context.CancellationToken);
        }
    }
}
