using MassTransit;

using Microsoft.EntityFrameworkCore;

using Reseller.Accounts.Data;
using Reseller.Contracts.Billing;

namespace Reseller.Accounts.Billing;

/// <summary>
/// Follows Billing's cards, so creating or changing an account checks its card here and does not need Billing to be up.
/// Each event sets a fact (owner, deleted), so a repeat or an out-of-order delivery leaves the same row.
/// </summary>
public sealed class KnownBillingProfilesConsumer(AccountsDb db) :
    IConsumer<BillingProfileCreated>, IConsumer<BillingProfileAdopted>, IConsumer<BillingProfileDeleted>
{
    public Task Consume(ConsumeContext<BillingProfileCreated> context) =>
        ApplyAsync(context.Message.BillingProfileId, p => p.OwnedBy(context.Message.PartnerId, context.Message.AccountId, context.Message.At), context.CancellationToken);

    public Task Consume(ConsumeContext<BillingProfileAdopted> context) =>
        ApplyAsync(context.Message.BillingProfileId, p => p.OwnedBy(context.Message.PartnerId, context.Message.AccountId, context.Message.At), context.CancellationToken);

    public Task Consume(ConsumeContext<BillingProfileDeleted> context) =>
        ApplyAsync(context.Message.BillingProfileId, p => p.Deleted(context.Message.At), context.CancellationToken);

    private async Task ApplyAsync(Guid profileId, Action<KnownBillingProfile> change, CancellationToken cancellationToken)
    {
        var profile = await db.Set<KnownBillingProfile>().FirstOrDefaultAsync(p => p.Id == profileId, cancellationToken);
        if (profile is null)
        {
            profile = KnownBillingProfile.Unknown(profileId, DateTimeOffset.UtcNow);
            db.Add(profile);
        }
        change(profile);
        // Two events of one card racing to insert it: the loser's retry (MassTransit's) finds the row and updates it.
        await db.SaveChangesAsync(cancellationToken);
    }
}
