using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

using Reseller.Accounts.Accounts;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Accounts.Lifecycle;

/// <summary>
/// Publishes AccountStatusChanged through the outbox, in the same SaveChanges, for every status change of an account,
/// whatever code made it (endpoints, Billing's events, the expiry job, transfers), so no path can forget one.
/// </summary>
public sealed class AccountStatusEvents(TimeProvider clock) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            PublishStatusChanges(db);
        }
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db)
        {
            PublishStatusChanges(db);
        }
        return result;
    }

    private void PublishStatusChanges(DbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow();
        var changed = db.ChangeTracker.Entries<Account>()
            .Where(e => e.State == EntityState.Modified)
            .Select(e => (Account: e.Entity, Previous: e.Property(a => a.Status).OriginalValue, OriginalPartner: e.Property(a => a.PartnerId).OriginalValue))
            .Where(c => c.Previous != c.Account.Status)
            .ToList();
        foreach (var (account, previous, originalPartner) in changed)
        {
            var partnerId = account.PartnerId == Guid.Empty ? originalPartner : account.PartnerId;
            db.Publish(new AccountStatusChanged(account.Id, partnerId, AccountStatuses.NameOf(previous),
                AccountStatuses.NameOf(account.Status), account.Plan.Cadence, account.Payer, now), now);
        }
    }
}
