using Microsoft.EntityFrameworkCore;

using Reseller.Accounts.Data;

namespace Reseller.Accounts.Customization;

/// <summary>For a move-out: the account keeps its templates but loses the partner's branding.</summary>
public static class BrandingRemoval
{
    public static Task<int> RemoveBrandingAsync(this AccountsDb db, Guid accountId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Set<AccountCustomization>()
            .Where(c => c.AccountId == accountId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.BrandingJson, CustomizationJson.Write(Branding.None)).SetProperty(c => c.UpdatedAt, now), cancellationToken);
}
