using MassTransit;

using Microsoft.EntityFrameworkCore;

using Reseller.Accounts.Data;
using Reseller.Contracts.Billing;

namespace Reseller.Accounts.Billing;

/// <summary>
/// Follows Billing's cards, so creating or changing an account checks its card here and does not need Billing to be up.
/// Each event sets a fact (owner at creation, adoption, deletion) that the row keeps in any order of delivery: a repeat
/// changes nothing, a creation heard after the adoption does not undo it, and two events of one card change different columns
/// (EF writes only what changed) or race to insert it, where the loser's retry finds the row.
/// </summary>
public sealed class KnownBillingProfilesConsumer(AccountsDb db) :
    IConsumer<BillingProfileCreated>, IConsumer<BillingProfileAdopted>, IConsumer<BillingProfileDeleted>
{
    public Task Consume(ConsumeContext<BillingProfileCreated> context) =>
        ApplyAsync(context.Message.BillingProfileId, p => p.Created(context.Message.PartnerId, context.Message.AccountId, context.Message.At), context.CancellationToken);

    public Task Consume(ConsumeContext<BillingProfileAdopted> context) =>
        ApplyAsync(context.Message.BillingProfileId, p => p.Adopted(context.Message.PartnerId, context.Message.AccountId, context.Message.At), context.CancellationToken);

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
