using MassTransit;

using Microsoft.EntityFrameworkCore;

using Reseller.Accounts.Audit;
using Reseller.Accounts.Data;
using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Messaging;

namespace Reseller.Accounts.Customization;

/// <summary>
/// Branding follows the agency: a moved-out account loses its former partner's branding; a moved-in account takes its new
/// partner's default branding (its templates stay as they are).
/// </summary>
public sealed class TransferBrandingConsumer(AccountsDb db) : IConsumer<AccountTransferredOut>, IConsumer<AccountTransferredIn>
{
    public async Task Consume(ConsumeContext<AccountTransferredOut> context)
    {
        var moved = context.Message;
        await db.ConsumeOnceAsync(context, $"{nameof(TransferBrandingConsumer)}.out", async ct =>
        {
            await db.RemoveBrandingAsync(moved.AccountId, moved.TransferredAt, ct);
            db.Record(moved.AccountId, AccountChangeAudit.SystemActor, AuditActions.BrandingRemoved, moved.TransferredAt, "moved out of the agency");
        });
    }

    public async Task Consume(ConsumeContext<AccountTransferredIn> context)
    {
        var moved = context.Message;
        await db.ConsumeOnceAsync(context, $"{nameof(TransferBrandingConsumer)}.in", async ct =>
        {
            var defaults = await db.Set<AccountDefaults>().AsNoTracking().FirstOrDefaultAsync(d => d.PartnerId == moved.PartnerId, ct);
            var branding = CustomizationJson.Write(defaults?.Branding ?? Branding.None);
            await db.Set<AccountCustomization>()
                .Where(c => c.AccountId == moved.AccountId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.BrandingJson, branding).SetProperty(c => c.UpdatedAt, moved.TransferredAt), ct);
            db.Record(moved.AccountId, AccountChangeAudit.SystemActor, AuditActions.BrandingApplied, moved.TransferredAt, "moved in: the new partner's default branding");
        });
    }
}
