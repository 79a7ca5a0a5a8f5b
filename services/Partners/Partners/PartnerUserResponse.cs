using Reseller.Partners.Users;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.Partners.Partners;

public sealed record PartnerUserResponse(string Id, string Email, string Role, string Status, DateTimeOffset CreatedAt)
{
    public static PartnerUserResponse From(PartnerUser u) => new(PublicId.Format("usr", u.Id), u.Email, u.Role, u.Status, u.CreatedAt);
}
