using Reseller.Partners.Users;
using Reseller.ServiceDefaults.Ids;

namespace Reseller.Partners.Partners;

public sealed record PartnerUserResponse(string Id, string Email, string Role, DateTimeOffset CreatedAt)
{
    public static PartnerUserResponse From(PartnerUser u) => new(PublicId.Format("usr", u.Id), u.Email, u.Role, u.CreatedAt);
}
