using Reseller.Partners.Users;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.Partners.Organisations;

public sealed record PartnerUserResponse(string Id, string Email, string Role, string Status, DateTimeOffset CreatedAt)
{
    public const string IdPrefix = "usr";

    public static PartnerUserResponse From(PartnerUser u) => new(PublicId.Format(IdPrefix, u.Id), u.Email, u.Role, u.Status, u.CreatedAt);
}
