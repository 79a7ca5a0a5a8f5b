using Microsoft.EntityFrameworkCore;

using Reseller.Accounts.Data;
using Reseller.ServiceDefaults.Clock;

namespace Reseller.Accounts.Invitations;

/// <summary>Marks invitations past their 7 days as expired; one UPDATE, so several instances can run it at once.</summary>
public sealed class InvitationExpiryJob(AccountsDb db) : IDueJob
{
    public string Name => "invitation_expiry";

    public Task<int> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Set<Invitation>()
            .Where(i => i.Status == InvitationStatus.Invited && i.ExpiresAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvitationStatus.Expired), cancellationToken);
}
