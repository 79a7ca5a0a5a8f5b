using Microsoft.EntityFrameworkCore;

using Reseller.Accounts.ResoldAccounts;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.DomainEvents;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Accounts.Lifecycle;

/// <summary>
/// Publishes AccountStatusChanged through the outbox, in the same SaveChanges, for the status change an account raised,
/// whatever code made it (endpoints, Billing's events, the expiry job, transfers): the previous status and the final one.
/// </summary>
public sealed class AccountStatusEvents : DomainEventRecorder<AccountStatusChangedDomainEvent>
{
    protected override void Handle(DbContext db, AccountStatusChangedDomainEvent changed, DateTimeOffset now)
    {
        var account = changed.Account;
        if (changed.Previous == account.Status || db.Entry(account).State != EntityState.Modified)
        {
            return;
        }
        var partnerId = account.PartnerId == Guid.Empty ? changed.PreviousPartnerId : account.PartnerId;
        db.Publish(new AccountStatusChanged(account.Id, partnerId, AccountStatuses.NameOf(changed.Previous),
            AccountStatuses.NameOf(account.Status), account.Plan.Cadence, account.Payer, now), now);
    }
}
