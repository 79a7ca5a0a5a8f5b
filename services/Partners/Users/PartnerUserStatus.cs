namespace Reseller.Partners.Users;

public static class PartnerUserStatus
{
    public const string Invited = "invited";
    public const string Active = "active";
}
