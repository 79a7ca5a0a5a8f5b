using Reseller.Accounts.Customization;
using Reseller.Contracts.Catalog;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.Accounts.Snapshots;

public sealed record SnapshotResponse(
    string Id,
    string AccountId,
    string? Label,
    DateTimeOffset CreatedAt,
    PlanRequest Plan,
    Branding Branding,
    SnapshotSettings Settings,
    IReadOnlyList<Template> Templates)
{
    public const string IdPrefix = "snap";

    public static SnapshotResponse From(AccountSnapshot s)
    {
        var content = s.Content;
        return new(PublicId.Format(IdPrefix, s.Id), PublicId.Format(ResoldAccounts.AccountResponse.IdPrefix, s.AccountId), s.Label, s.CreatedAt,
            content.Plan, content.Branding, content.Settings, content.Templates);
    }
}
